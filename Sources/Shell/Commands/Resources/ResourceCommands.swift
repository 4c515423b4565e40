/// The commands that create and read the procedure's resources.
enum ResourceCommands {
    /// Every resource command, in `help` order.
    static let all: [CommandSpec] =
        BucketCommands.all + TrailCommands.all + UserCommands.all + PolicyCommands.all + RoleResourceCommands.all
        + [CheckCommand.check]
}
