import Dispatch
import Foundation
import Shell

// The executable only wires things together; everything else lives in the Shell library.
//
// The main thread waits for the shell's task instead of running it as an async top-level `await`:
// that form ends the main thread through `dispatch_main`, whose `pthread_exit` unwinds the thread's
// stack and so reads (and keeps resident) about 600 KB of unwind tables in every run.
//
// The waiting main thread is the one that takes SIGINT and SIGTERM (Swift's pool threads block
// them), so it accepts every signal whatever mask s3x inherited, as `dispatch_main` made it do.
var acceptEverySignal = sigset_t()
sigemptyset(&acceptEverySignal)
pthread_sigmask(SIG_SETMASK, &acceptEverySignal, nil)

nonisolated(unsafe) var code: Int32 = 0
let finished = DispatchSemaphore(value: 0)
Task.detached {
    code = await ShellMain.run(
        arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    finished.signal()
}
finished.wait()
exit(code)
