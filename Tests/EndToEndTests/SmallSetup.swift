import TestSupport

/// The procedure for the primary and one secondary (`sec1`) under names of one test's own, as
/// script lines: from the bucket to the check. A test puts its own accounts before it.
enum SmallSetup {
    /// The lines, with every name starting with `name`.
    static func steps(name: String) -> String {
        """
        set bucket "\(name)-${primary.id}"
        bucket create ${bucket} --cloudtrail
        trail create \(name)-trail --bucket ${bucket} --all-regions --data-events all
        user create \(name)-user --access-key
        policy create \(name)-primary --preset primary --assume-into sec1 --role-name \(name)-role --user \(name)-user
        bucket allow-prefix ${bucket} sec1
        policy create \(name)-secondary --preset secondary --in sec1
        role create \(name)-role --trust primary --policy \(name)-secondary --in sec1
        trail create \(name)-trail --bucket ${bucket} --all-regions --data-events all --in sec1
        check --primary primary --secondary sec1 --bucket ${bucket} --user \(name)-user --role-name \(name)-role \\
            --primary-trail \(name)-trail --secondary-trail \(name)-trail \\
            --primary-policy \(name)-primary --secondary-policy \(name)-secondary

        """
    }
}
