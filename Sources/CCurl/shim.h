#ifndef S3X_CCURL_SHIM_H
#define S3X_CCURL_SHIM_H
#include <curl/curl.h>
#endif
