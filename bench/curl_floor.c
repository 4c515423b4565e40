/*
 * The client CPU floor of scripts/bench: the least a process can spend to send a setup's API calls
 * through libcurl from Debian, as s3x does. It links the four Debian libraries s3x links (libcurl,
 * libxml2, libedit, libcrypto, which load some forty more), starts libcurl, and sends COUNT POST
 * requests to URL one after another, each with the headers of a signed query request (a session
 * token included). It signs nothing, parses nothing and keeps no state, so s3x's CPU time minus
 * this program's, for the same number of calls, is what s3x's own work costs.
 *
 * The emulator rejects the requests (the signature is a placeholder), which costs the client the
 * same as an answer: the server closes the connection after every reply either way.
 *
 *     curl_floor URL COUNT      exit 0 when every request got an HTTP reply
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t discard(char *data, size_t size, size_t count, void *context) {
    (void)data;
    (void)context;
    return size * count;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: curl_floor URL COUNT\n");
        return 2;
    }
    long count = strtol(argv[2], NULL, 10);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 1;
    CURL *easy = curl_easy_init();
    if (easy == NULL) return 1;

    /* A session token is about a kilobyte, as STS issues them. */
    static char token[1100];
    memcpy(token, "X-Amz-Security-Token: ", 22);
    memset(token + 22, 'T', sizeof token - 23);
    struct curl_slist *headers = NULL;
    headers = curl_slist_append(headers, "Content-Type: application/x-www-form-urlencoded; charset=utf-8");
    headers = curl_slist_append(headers, "X-Amz-Date: 20260101T000000Z");
    headers = curl_slist_append(headers, token);
    headers = curl_slist_append(headers,
        "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/iam/aws4_request, "
        "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
        "Signature=0000000000000000000000000000000000000000000000000000000000000000");

    curl_easy_setopt(easy, CURLOPT_URL, argv[1]);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, "Action=GetRole&RoleName=prisma-saas-s3-cross-account-access-role&Version=2010-05-08");
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_PROXY, "");

    int status = 0;
    for (long i = 0; i < count; i++) {
        CURLcode result = curl_easy_perform(easy);
        if (result != CURLE_OK) {
            fprintf(stderr, "curl_floor: request %ld: %s\n", i + 1, curl_easy_strerror(result));
            status = 1;
            break;
        }
    }
    curl_slist_free_all(headers);
    curl_easy_cleanup(easy);
    curl_global_cleanup();
    return status;
}
