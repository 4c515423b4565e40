#ifndef S3X_CLIBEDITSHIMS_H
#define S3X_CLIBEDITSHIMS_H

/*
 * Typed, non-variadic wrappers for libedit's variadic calls (el_set, el_get, history), plus the
 * process-wide signal handler the LineEditing module builds its InterruptMonitor on. Swift cannot
 * call C variadics or be trusted inside a signal handler, so both live here.
 */

#include <stdio.h>
#include <wchar.h>
#include <histedit.h>

/* A key-bound editor command; returns one of libedit's CC_* codes. */
typedef unsigned char (*s3x_el_command_fn)(EditLine *el, int ch);
/* The prompt callback; returns the prompt text, which must stay valid until the next call. */
typedef char *(*s3x_el_prompt_fn)(EditLine *el);
/* The read-character callback; 1 for a character, 0 for end of file, -1 for an error (errno). */
typedef int (*s3x_el_getc_fn)(EditLine *el, wchar_t *out);

/* el_set wrappers: each returns 0 on success and -1 on failure, as el_set does. */
int s3x_el_set_editor(EditLine *el, const char *mode);
int s3x_el_set_terminal(EditLine *el, const char *type);
int s3x_el_set_signal_handling(EditLine *el, int enabled);
int s3x_el_set_prompt(EditLine *el, s3x_el_prompt_fn prompt);
int s3x_el_set_getc(EditLine *el, s3x_el_getc_fn getc);
int s3x_el_set_clientdata(EditLine *el, void *data);
int s3x_el_add_function(EditLine *el, const char *name, const char *help, s3x_el_command_fn fn);
/* Binds key to command in the current key map, and in the alternate (vi command) map too. */
int s3x_el_bind(EditLine *el, const char *key, const char *command);
/* Applies one `setty` setting (for example "-isig") to the edit-mode terminal flags. */
int s3x_el_setty_edit(EditLine *el, const char *setting);
int s3x_el_set_history(EditLine *el, History *list);

/* el_get wrappers. */
void *s3x_el_get_clientdata(EditLine *el);
/* Returns "emacs" or "vi", or NULL on failure. */
const char *s3x_el_get_editor(EditLine *el);
/* The terminal width libedit works with, or 0 when it cannot tell. */
int s3x_el_get_columns(EditLine *el);

/* history wrappers: each returns 0 on success and -1 on failure. */
int s3x_history_set_size(History *list, int size);
int s3x_history_set_unique(History *list, int unique);
int s3x_history_enter(History *list, const char *line);

/*
 * Reads one character for libedit from in_fd, decoding UTF-8 itself so input does not depend on the
 * process locale. Waits on wake_fd too (a pipe's read end, or -1): when it becomes readable the pipe
 * is drained and the call fails with errno EINTR. Returns 1, 0 (end of file) or -1 (errno set).
 */
int s3x_read_character(int in_fd, int wake_fd, wchar_t *out);

/* Signal handling for SIGINT/SIGTERM: the handler records the signal and writes one byte to each
 * registered wake-up descriptor (non-blocking pipe write ends). */
int s3x_signal_install(int signo);
int s3x_signal_restore(int signo);
int s3x_signal_last(void);
unsigned long s3x_signal_count(void);
void s3x_signal_clear(void);
/* Creates a non-blocking, close-on-exec pipe for wake-ups: ends[0] to read, ends[1] to write. */
int s3x_signal_wakeup_pipe(int ends[2]);
/* Registers a descriptor to be written on every signal; returns 0, or -1 when the table is full. */
int s3x_signal_add_wakeup(int fd);
void s3x_signal_remove_wakeup(int fd);

#endif
