#include "CLibEditShims.h"

#include <errno.h>
#include <poll.h>
#include <unistd.h>

/* Reads one byte, retrying reads interrupted by a signal; 1, 0 at end of file, -1 on error. */
static int s3x_read_byte(int fd, unsigned char *byte) {
    for (;;) {
        ssize_t count = read(fd, byte, 1);
        if (count >= 0) {
            return (int)count;
        }
        if (errno != EINTR) {
            return -1;
        }
    }
}

/* Waits until in_fd has input (returns 1) or wake_fd was signalled (drains it, returns 0). */
static int s3x_wait_for_input(int in_fd, int wake_fd) {
    for (;;) {
        struct pollfd fds[2] = {{in_fd, POLLIN, 0}, {wake_fd, POLLIN, 0}};
        int ready = poll(fds, wake_fd >= 0 ? 2 : 1, -1);
        if (ready < 0) {
            if (errno == EINTR) {
                continue; /* the handler has written wake_fd; the next poll sees it */
            }
            return -1;
        }
        if (wake_fd >= 0 && (fds[1].revents & POLLIN)) {
            unsigned char drain[64];
            while (read(wake_fd, drain, sizeof drain) > 0) {
            }
            return 0;
        }
        return 1;
    }
}

/* Number of continuation bytes a UTF-8 lead byte announces, or -1 for a byte that cannot lead. */
static int s3x_utf8_continuations(unsigned char lead, wchar_t *value) {
    if (lead < 0x80) { *value = lead; return 0; }
    if ((lead & 0xE0) == 0xC0) { *value = lead & 0x1F; return 1; }
    if ((lead & 0xF0) == 0xE0) { *value = lead & 0x0F; return 2; }
    if ((lead & 0xF8) == 0xF0) { *value = lead & 0x07; return 3; }
    return -1;
}

int s3x_read_character(int in_fd, int wake_fd, wchar_t *out) {
    for (;;) {
        int waited = s3x_wait_for_input(in_fd, wake_fd);
        if (waited <= 0) {
            if (waited == 0) {
                errno = EINTR;
            }
            *out = L'\0';
            return -1;
        }
        unsigned char byte;
        int status = s3x_read_byte(in_fd, &byte);
        if (status <= 0) {
            *out = L'\0';
            return status;
        }
        wchar_t value;
        int remaining = s3x_utf8_continuations(byte, &value);
        int valid = remaining >= 0;
        while (valid && remaining-- > 0) {
            /* A truncated or malformed sequence is dropped, as libedit's own reader does. */
            if (s3x_read_byte(in_fd, &byte) != 1 || (byte & 0xC0) != 0x80) {
                valid = 0;
            } else {
                value = (value << 6) | (byte & 0x3F);
            }
        }
        if (valid) {
            *out = value;
            return 1;
        }
    }
}
