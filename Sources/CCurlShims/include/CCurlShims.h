#ifndef S3X_CCURLSHIMS_H
#define S3X_CCURLSHIMS_H

/*
 * Typed, non-variadic wrappers for libcurl's variadic calls (curl_easy_setopt, curl_easy_getinfo,
 * curl_multi_setopt), which Swift cannot call directly, the few macros Swift cannot import, and
 * curl_multi_info_read's message unpacked from its union.
 * Every function carries the s3x_ prefix; each one forwards to exactly one libcurl call.
 */

#include <curl/curl.h>

/* curl_global_init with CURL_GLOBAL_ALL (a macro expression Swift cannot import). */
CURLcode s3x_curl_global_init_all(void);

/* curl_easy_setopt for options whose argument is a long. */
CURLcode s3x_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);

/* curl_easy_setopt for options whose argument is a curl_off_t (the *_LARGE options). */
CURLcode s3x_curl_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value);

/* curl_easy_setopt for options whose argument is a C string; libcurl copies it. */
CURLcode s3x_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);

/* curl_easy_setopt for options whose argument is an opaque pointer (callback data, error buffer). */
CURLcode s3x_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);

/* curl_easy_setopt for options whose argument is a header list; the list must outlive the transfer. */
CURLcode s3x_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

/* curl_easy_setopt for CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION. */
CURLcode s3x_curl_easy_setopt_write_callback(CURL *handle, CURLoption option, curl_write_callback value);

/*
 * Sets CURLOPT_POSTFIELDSIZE_LARGE then CURLOPT_COPYPOSTFIELDS, so libcurl keeps its own copy of the
 * size bytes at data until the handle is reset. A NULL data pointer (an empty Swift array) becomes an
 * empty string, because a NULL CURLOPT_COPYPOSTFIELDS makes libcurl read the body from stdin.
 */
CURLcode s3x_curl_easy_setopt_copypostfields(CURL *handle, const void *data, curl_off_t size);

/* curl_easy_getinfo for information of type long. */
CURLcode s3x_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);

/* curl_easy_getinfo for information of type double. */
CURLcode s3x_curl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);

/* curl_easy_getinfo for information of type curl_off_t. */
CURLcode s3x_curl_easy_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value);

/* curl_easy_getinfo for information that is a string owned by the handle. */
CURLcode s3x_curl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);

/* curl_multi_setopt for options whose argument is a long. */
CURLMcode s3x_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);

/* curl_multi_setopt for options whose argument is an opaque pointer (CURLMOPT_SOCKETDATA, CURLMOPT_TIMERDATA). */
CURLMcode s3x_curl_multi_setopt_pointer(CURLM *multi, CURLMoption option, void *value);

/* curl_multi_setopt for CURLMOPT_SOCKETFUNCTION. */
CURLMcode s3x_curl_multi_setopt_socket_callback(CURLM *multi, curl_socket_callback value);

/* curl_multi_setopt for CURLMOPT_TIMERFUNCTION. */
CURLMcode s3x_curl_multi_setopt_timer_callback(CURLM *multi, curl_multi_timer_callback value);

/*
 * curl_multi_info_read without the union: returns the easy handle of the next message and stores its
 * kind in *kind and, for CURLMSG_DONE, the transfer's result in *result; NULL when no message is left.
 */
CURL *s3x_curl_multi_info_read(CURLM *multi, CURLMSG *kind, CURLcode *result);

#endif
