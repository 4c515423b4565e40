#ifndef S3X_CCURLSHIMS_H
#define S3X_CCURLSHIMS_H
#include <curl/curl.h>
/* Typed wrappers for libcurl's variadic calls; filled in by the HTTP layer. */
CURLcode s3x_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
#endif
