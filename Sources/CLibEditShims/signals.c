#define _GNU_SOURCE
#include "CLibEditShims.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <unistd.h>

/*
 * Process-wide SIGINT/SIGTERM handling. The handler only touches lock-free atomics and calls
 * write(2), both async-signal-safe; atomics (rather than volatile sig_atomic_t) also order the
 * handler's writes with the threads that read them, which ThreadSanitizer checks. Waking blocked readers through pipes (rather than relying on
 * EINTR) matters because the kernel may deliver the signal to any thread of the process.
 */

enum { S3X_MAX_WAKEUPS = 8, S3X_MAX_SIGNAL = 65 };

static atomic_int s3x_last_signal = 0;
static atomic_ulong s3x_signal_counter = 0;
static atomic_int s3x_wakeup_fds[S3X_MAX_WAKEUPS] = {-1, -1, -1, -1, -1, -1, -1, -1};
static struct sigaction s3x_previous[S3X_MAX_SIGNAL];
static int s3x_installed[S3X_MAX_SIGNAL];

static void s3x_signal_handler(int signo) {
    int saved_errno = errno;
    unsigned char byte = (unsigned char)signo;
    atomic_store(&s3x_last_signal, signo);
    atomic_fetch_add(&s3x_signal_counter, 1);
    for (int i = 0; i < S3X_MAX_WAKEUPS; i++) {
        int fd = atomic_load(&s3x_wakeup_fds[i]);
        if (fd >= 0) {
            /* A full pipe already holds a pending wake-up, so a failed write loses nothing. */
            ssize_t ignored = write(fd, &byte, 1);
            (void)ignored;
        }
    }
    errno = saved_errno;
}

int s3x_signal_install(int signo) {
    if (signo <= 0 || signo >= S3X_MAX_SIGNAL) {
        errno = EINVAL;
        return -1;
    }
    if (s3x_installed[signo]) {
        return 0;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = s3x_signal_handler;
    sigemptyset(&action.sa_mask);
    /* No SA_RESTART: a blocking read in a command should see EINTR and get a chance to stop. */
    action.sa_flags = 0;
    if (sigaction(signo, &action, &s3x_previous[signo]) != 0) {
        return -1;
    }
    s3x_installed[signo] = 1;
    return 0;
}

int s3x_signal_restore(int signo) {
    if (signo <= 0 || signo >= S3X_MAX_SIGNAL || !s3x_installed[signo]) {
        return 0;
    }
    if (sigaction(signo, &s3x_previous[signo], NULL) != 0) {
        return -1;
    }
    s3x_installed[signo] = 0;
    return 0;
}

int s3x_signal_last(void) {
    return atomic_load(&s3x_last_signal);
}

unsigned long s3x_signal_count(void) {
    return atomic_load(&s3x_signal_counter);
}

void s3x_signal_clear(void) {
    atomic_store(&s3x_last_signal, 0);
}

int s3x_signal_wakeup_pipe(int ends[2]) {
    return pipe2(ends, O_NONBLOCK | O_CLOEXEC);
}

int s3x_signal_add_wakeup(int fd) {
    for (int i = 0; i < S3X_MAX_WAKEUPS; i++) {
        int free_slot = -1;
        if (atomic_compare_exchange_strong(&s3x_wakeup_fds[i], &free_slot, fd)) {
            return 0;
        }
    }
    errno = ENOSPC;
    return -1;
}

void s3x_signal_remove_wakeup(int fd) {
    for (int i = 0; i < S3X_MAX_WAKEUPS; i++) {
        int expected = fd;
        atomic_compare_exchange_strong(&s3x_wakeup_fds[i], &expected, -1);
    }
}
