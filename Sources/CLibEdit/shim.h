#ifndef S3X_CLIBEDIT_SHIM_H
#define S3X_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <histedit.h>
#endif
