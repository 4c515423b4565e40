import Foundation
import Shell

// The executable only wires things together; everything else lives in the Shell library.
let code = await ShellMain.run(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
exit(code)
