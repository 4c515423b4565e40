#ifndef S3X_CCRYPTO_SHIM_H
#define S3X_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <openssl/err.h>
#include <openssl/params.h>
#endif
