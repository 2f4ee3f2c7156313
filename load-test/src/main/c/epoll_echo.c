/*
 * The floor of the comparison: a minimal level-triggered epoll echo server in C, with the
 * same algorithm as the JVM servers (echo at once, keep what the peer cannot take, EPOLLOUT
 * while anything is kept). Usage: epoll_echo PORT (0 picks one); prints "listening on
 * 127.0.0.1:PORT". Built by `load-test compare` with the system cc when present.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

struct pending { char *data; size_t len; uint32_t interest; };

static struct pending *pendings;
static int max_fds;

static void drop(int ep, int fd) {
    epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
    free(pendings[fd].data);
    pendings[fd].data = NULL;
    pendings[fd].len = 0;
    close(fd);
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 1234;
    max_fds = 65536;
    pendings = calloc(max_fds, sizeof *pendings);
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) || listen(listener, 1024)) {
        perror("epoll_echo: bind/listen");
        return 1;
    }
    socklen_t len = sizeof addr;
    getsockname(listener, (struct sockaddr *) &addr, &len);
    printf("epoll_echo: listening on 127.0.0.1:%d, 1 thread\n", ntohs(addr.sin_port));
    fflush(stdout);

    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = listener};
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
    static char buf[65536];
    struct epoll_event events[256];
    for (;;) {
        int n = epoll_wait(ep, events, 256, -1);
        if (n < 0 && errno == EINTR) continue;
        for (int i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            if (fd == listener) {
                int conn;
                while ((conn = accept4(listener, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0) {
                    if (conn >= max_fds) { close(conn); continue; }
                    setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct epoll_event cev = {.events = EPOLLIN, .data.fd = conn};
                    pendings[conn].interest = EPOLLIN;
                    epoll_ctl(ep, EPOLL_CTL_ADD, conn, &cev);
                }
                continue;
            }
            struct pending *p = &pendings[fd];
            if (events[i].events & EPOLLOUT && p->len) {
                ssize_t w = send(fd, p->data, p->len, MSG_NOSIGNAL);
                if (w < 0 && errno != EAGAIN) { drop(ep, fd); continue; }
                if (w > 0) { memmove(p->data, p->data + w, p->len - w); p->len -= w; }
            }
            if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
                ssize_t r = recv(fd, buf, sizeof buf, 0);
                if (r == 0 || (r < 0 && errno != EAGAIN)) { drop(ep, fd); continue; }
                if (r > 0) {
                    ssize_t w = p->len ? 0 : send(fd, buf, r, MSG_NOSIGNAL);
                    if (w < 0 && errno != EAGAIN) { drop(ep, fd); continue; }
                    if (w < 0) w = 0;
                    if (w < r) {
                        p->data = realloc(p->data, p->len + (r - w));
                        memcpy(p->data + p->len, buf + w, r - w);
                        p->len += r - w;
                    }
                }
            }
            uint32_t wanted = p->len ? (p->len < (1 << 20) ? EPOLLIN | EPOLLOUT : EPOLLOUT) : EPOLLIN;
            if (wanted != p->interest) {
                struct epoll_event mev = {.events = wanted, .data.fd = fd};
                epoll_ctl(ep, EPOLL_CTL_MOD, fd, &mev);
                p->interest = wanted;
            }
        }
    }
}
