#ifndef S3X_CLIBEDITSHIMS_H
#define S3X_CLIBEDITSHIMS_H
#include <stdio.h>
#include <histedit.h>
/* Typed wrappers for libedit's variadic calls; filled in by the LineEditing layer. */
int s3x_el_set_editor(EditLine *el, const char *mode);
#endif
