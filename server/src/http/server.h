// The HTTP server: Beast over Asio with C++20 coroutines. I/O threads parse and write; every
// route that touches the database runs on a separate worker pool, awaited by the connection.
// Blocks until SIGTERM or SIGINT, then stops accepting, lets in-flight requests finish, and
// returns. Beast headers stay inside server.cc.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/services.h"
#include "http/api.h"

namespace ssj::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  std::string web_dir;  // built SPA (web/dist); empty: API only
  size_t io_threads = 1;
  size_t workers = 4;           // also the database pool size
  size_t body_limit = 1 << 20;  // bytes; larger bodies get 413
  int idle_timeout_s = 60;      // keep-alive wait for the next request
  int header_timeout_s = 10;    // from the first byte to the end of the headers
  int body_timeout_s = 30;
  bool access_log = true;
  bool trust_proxy = false;  // take the client address from X-Real-IP (behind nginx)
};

// Returns 0 after a clean shutdown, 2 when the address cannot be bound.
int RunServer(const ServerOptions& options, Services& services, const Router& router);

}  // namespace ssj::http
