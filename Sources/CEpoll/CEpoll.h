#ifndef S3X_CEPOLL_H
#define S3X_CEPOLL_H

/*
 * Linux's epoll, which Swift's Glibc module leaves out: the transfer loop waits on libcurl's
 * sockets with it, so each wait costs the ready sockets rather than every open one.
 */

#include <sys/epoll.h>

#endif
