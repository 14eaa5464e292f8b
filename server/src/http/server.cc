#include "http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <set>

#include "common/clock.h"
#include "db/database.h"
#include "http/pipeline.h"
#include "http/static_files.h"

namespace ssj::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

// One live connection, as the shutdown logic sees it.
struct Connection {
  beast::tcp_stream* stream = nullptr;
  asio::any_io_executor executor;
  bool idle = true;  // waiting for the next request: safe to close on shutdown
};

struct State {
  const ServerOptions& options;
  Services& services;
  const Router& router;
  asio::thread_pool& workers;
  std::shared_ptr<spdlog::logger> access;
  std::mutex mutex;
  std::set<std::shared_ptr<Connection>> connections;
  std::atomic<bool> stopping{false};
  size_t largest_body_limit = 0;  // the default or the largest upload route's, whichever is more
};

std::optional<Method> ToMethod(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
    case bhttp::verb::head:
      return Method::kGet;
    case bhttp::verb::post:
      return Method::kPost;
    case bhttp::verb::put:
      return Method::kPut;
    case bhttp::verb::patch:
      return Method::kPatch;
    case bhttp::verb::delete_:
      return Method::kDelete;
    default:
      return std::nullopt;
  }
}

std::string Cookie(std::string_view header, std::string_view name) {
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view pair = header.substr(pos, end - pos);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name &&
        pair[name.size()] == '=') {
      return std::string(pair.substr(name.size() + 1));
    }
    pos = end + 1;
  }
  return {};
}

BeastResponse ToBeast(const Response& r, unsigned version, bool keep_alive) {
  BeastResponse out{static_cast<bhttp::status>(r.status), version};
  out.set(bhttp::field::server, "ssj");
  out.set("X-Content-Type-Options", "nosniff");
  out.set("X-Frame-Options", "DENY");
  out.set("Referrer-Policy", "same-origin");
  if (!r.raw_body.empty() || !r.content_type.empty()) {
    out.set(bhttp::field::content_type,
            r.content_type.empty() ? "application/octet-stream" : r.content_type);
    out.body() = r.raw_body;
  } else {
    out.set(bhttp::field::content_type, "application/json; charset=utf-8");
    out.set(bhttp::field::cache_control, "no-store");
    out.body() = boost::json::serialize(r.body);
  }
  for (const auto& [name, value] : r.headers) out.insert(name, value);
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

Response StaticResponse(const ServerOptions& options, const std::string& path,
                        const BeastRequest& req) {
  auto file = LoadStatic(options.web_dir, path);
  if (!file) return ErrorResponse(Error{ErrorKind::kNotFound, "route.not_found", "页面不存在", {}});
  Response r;
  r.headers.emplace_back("Cache-Control", file->cache_control);
  r.headers.emplace_back("ETag", file->etag);
  if (file->content_type.starts_with("text/html")) {
    r.headers.emplace_back(
        "Content-Security-Policy",
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'");
  }
  if (req[bhttp::field::if_none_match] == file->etag) {
    r.status = 304;
    r.content_type = file->content_type;
    return r;
  }
  r.content_type = file->content_type;
  r.raw_body = std::move(file->body);
  return r;
}

// Builds the plain Request, or an error response for a malformed one.
Result<Request> Translate(const BeastRequest& in, const std::string& peer, bool trust_proxy) {
  Request out;
  auto target = boost::urls::parse_origin_form(in.target());
  if (!target)
    return Error{ErrorKind::kInvalidArgument, "request.invalid_target", "请求地址格式不正确", {}};
  out.path = target->path();
  for (auto param : target->params()) out.query.emplace_back(param.key, param.value);
  out.ip = peer;
  if (trust_proxy && !in["X-Real-IP"].empty()) out.ip = std::string(in["X-Real-IP"].substr(0, 64));
  out.user_agent = std::string(in[bhttp::field::user_agent].substr(0, 256));
  out.session_token = Cookie(in[bhttp::field::cookie], "ssj_session");
  out.csrf_header = std::string(in["X-CSRF-Token"].substr(0, 128));
  return out;
}

asio::awaitable<Response> Handle(State& state, BeastRequest& beast_req, const std::string& peer,
                                 std::string* log_user) {
  auto translated = Translate(beast_req, peer, state.options.trust_proxy);
  if (!translated.ok()) co_return ErrorResponse(translated.error());
  Request req = std::move(translated).value();
  auto method = ToMethod(beast_req.method());
  bool is_api = req.path == "/api" || req.path.starts_with("/api/");
  if (!is_api) {
    if (beast_req.method() != bhttp::verb::get && beast_req.method() != bhttp::verb::head) {
      Response r = ErrorResponse(
          Error{ErrorKind::kInvalidArgument, "route.method_not_allowed", "不支持该请求方法", {}});
      r.status = 405;
      r.headers.emplace_back("Allow", "GET, HEAD");
      co_return r;
    }
    co_return co_await asio::co_spawn(
        state.workers,
        [&]() -> asio::awaitable<Response> {
          co_return StaticResponse(state.options, req.path, beast_req);
        },
        asio::use_awaitable);
  }
  if (!method) {
    Response r = ErrorResponse(
        Error{ErrorKind::kInvalidArgument, "route.method_not_allowed", "不支持该请求方法", {}});
    r.status = 405;
    co_return r;
  }
  req.method = *method;
  Match match = state.router.Find(req.method, req.path);
  if (!match.route) co_return NoRoute(match);
  if (match.route->upload_limit > 0) {
    req.upload = std::move(beast_req.body());
  } else if (IsWrite(req.method) && !beast_req.body().empty()) {
    boost::system::error_code ec;
    req.body = boost::json::parse(beast_req.body(), ec);
    if (ec) {
      Error e{ErrorKind::kInvalidArgument, "request.invalid_json", "请求内容不是有效的 JSON", {}};
      e.details["error"] = ec.message();
      co_return ErrorResponse(e);
    }
  }
  req.path_params = std::move(match.params);
  const Route* route = match.route;
  if (!route->needs_db) co_return RunRoute(*route, state.services, req);  // cheap: no database
  Response r = co_await asio::co_spawn(
      state.workers,
      [&]() -> asio::awaitable<Response> { co_return RunRoute(*route, state.services, req); },
      asio::use_awaitable);
  *log_user = req.log_user;
  co_return r;
}

asio::awaitable<void> Session(State& state, tcp::socket socket) {
  auto connection = std::make_shared<Connection>();
  beast::tcp_stream stream(std::move(socket));
  connection->stream = &stream;
  connection->executor = stream.get_executor();
  {
    std::lock_guard lock(state.mutex);
    if (state.stopping) co_return;
    state.connections.insert(connection);
  }
  boost::system::error_code peer_ec;
  auto endpoint = stream.socket().remote_endpoint(peer_ec);
  std::string peer = peer_ec ? "unknown" : endpoint.address().to_string();
  beast::flat_buffer buffer;
  const auto& opt = state.options;

  for (;;) {
    connection->idle = true;
    if (state.stopping) break;
    if (buffer.size() == 0) {
      // Idle: wait for the first byte of the next request.
      stream.expires_after(std::chrono::seconds(opt.idle_timeout_s));
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kTuple);
      if (ec) break;  // closed, idle timeout, or shutdown
      buffer.commit(n);
    }
    connection->idle = false;
    auto started = std::chrono::steady_clock::now();
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(16 * 1024);
    // Beast checks Content-Length against the limit while parsing the header, before the route
    // is known: let the largest limit through there, and apply the route's own below.
    parser.body_limit(state.largest_body_limit);
    stream.expires_after(std::chrono::seconds(opt.header_timeout_s));
    auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
    Response response;
    bool keep_alive = false;
    std::string log_user;
    unsigned version = 11;
    std::string method_text = "-", target_text = "-";
    size_t body_limit = opt.body_limit;
    if (!hec) {
      method_text = std::string(parser.get().method_string());
      target_text = std::string(parser.get().target().substr(0, 256));
      // A route that takes a file has its own limit, set before the body is read. Only a body
      // that may exceed the default limit needs the route looked up here.
      const bool large = parser.chunked() ||
                         (parser.content_length() && *parser.content_length() > opt.body_limit);
      if (auto method = ToMethod(parser.get().method()); large && method) {
        std::string_view path = parser.get().target();
        path = path.substr(0, path.find('?'));
        Match match = state.router.Find(*method, path);
        if (match.route && match.route->upload_limit > 0) body_limit = match.route->upload_limit;
      }
      parser.body_limit(body_limit);  // for chunked bodies, counted as they arrive
      if (parser.content_length() && *parser.content_length() > body_limit)
        hec = bhttp::error::body_limit;  // refused without reading the body
    }
    if (!hec) {
      stream.expires_after(std::chrono::seconds(opt.body_timeout_s));
      auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
      hec = bec;
    }
    if (hec == bhttp::error::body_limit) {
      Error e{ErrorKind::kInvalidArgument,
              "request.too_large",
              body_limit >= (1 << 20)
                  ? "文件过大（上限 " + std::to_string(body_limit >> 20) + " MB）"
                  : "请求内容过大（上限 " + std::to_string(body_limit / 1024) + " KB）",
              {}};
      e.details["limit_bytes"] = body_limit;
      response = ErrorResponse(e);
      response.status = 413;
    } else if (hec == bhttp::error::header_limit) {
      response = ErrorResponse(
          Error{ErrorKind::kInvalidArgument, "request.header_too_large", "请求头过大", {}});
      response.status = 431;
    } else if (hec) {
      if (hec != beast::error::timeout && hec != asio::error::eof &&
          hec != bhttp::error::end_of_stream && hec != asio::error::connection_reset &&
          hec != asio::error::operation_aborted) {
        response = ErrorResponse(
            Error{ErrorKind::kInvalidArgument, "request.malformed", "请求格式不正确", {}});
      } else {
        break;
      }
    } else {
      BeastRequest& req = parser.get();
      version = req.version();
      keep_alive = req.keep_alive() && !state.stopping;
      try {
        response = co_await Handle(state, req, peer, &log_user);
      } catch (const std::exception& e) {
        spdlog::error("unhandled: {} {}: {}", method_text, target_text, e.what());
        response = ErrorResponse(Error::Internal("服务器内部错误，请联系管理员"));
      }
      if (req.method() == bhttp::verb::head) response.raw_body.clear();
    }
    BeastResponse out = ToBeast(response, version, keep_alive && !state.stopping);
    stream.expires_after(std::chrono::seconds(30));
    auto [wec, wn] = co_await bhttp::async_write(stream, out, kTuple);
    if (state.access) {
      auto ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      state.access->info(
          R"({{"ts":"{}","ip":"{}","method":"{}","target":{},"status":{},"bytes":{},"ms":{:.2f},"user":"{}"}})",
          FormatIsoMillis(SystemClock().NowMillis()), peer, method_text,
          boost::json::serialize(boost::json::value(target_text)), response.status, wn, ms,
          log_user);
    }
    if (wec || !out.keep_alive()) break;
  }
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  std::lock_guard lock(state.mutex);
  state.connections.erase(connection);
}

asio::awaitable<void> Listen(State& state, tcp::acceptor& acceptor) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(kTuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      spdlog::warn("accept: {}", ec.message());
      continue;
    }
    auto executor = asio::make_strand(acceptor.get_executor());
    asio::co_spawn(executor, Session(state, std::move(socket)), asio::detached);
  }
}

}  // namespace

int RunServer(const ServerOptions& options, Services& services, const Router& router) {
  asio::io_context ioc(static_cast<int>(options.io_threads));
  asio::thread_pool workers(options.workers);
  std::shared_ptr<spdlog::logger> access;
  if (options.access_log) {
    access = spdlog::get("access");
    if (!access) access = spdlog::default_logger();
  }
  State state{options, services, router, workers, access, {}, {}, {}};
  state.largest_body_limit = options.body_limit;
  for (const Route& route : router.routes())
    state.largest_body_limit = std::max(state.largest_body_limit, route.upload_limit);

  tcp::acceptor acceptor(ioc);
  boost::system::error_code ec;
  auto address = asio::ip::make_address(options.host, ec);
  if (ec) {
    spdlog::error("监听地址无效: {}", options.host);
    return 2;
  }
  tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    spdlog::error("无法监听 {}:{}: {}", options.host, options.port, ec.message());
    return 2;
  }

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& sec, int signo) {
    if (sec) return;
    spdlog::info("收到信号 {}，停止接受新连接，等待进行中的请求完成", signo);
    boost::system::error_code ignored;
    acceptor.close(ignored);
    std::lock_guard lock(state.mutex);
    state.stopping = true;
    // Close idle keep-alive connections; busy ones close after their response is written.
    for (const auto& connection : state.connections) {
      asio::post(connection->executor, [connection] {
        // A client may have sent its request before the signal while this connection had not
        // read it yet: leave it to be served (and then closed); cancel only truly idle ones.
        boost::system::error_code ec;
        if (connection->idle && connection->stream->socket().available(ec) == 0) {
          connection->stream->cancel();
        }
      });
    }
  });

  asio::co_spawn(ioc, Listen(state, acceptor), asio::detached);
  spdlog::info("ssj {} 正在监听 http://{}:{}/ (数据库 {}，I/O 线程 {}，工作线程 {})",
               services.version, options.host, options.port, "ready", options.io_threads,
               options.workers);

  std::vector<std::thread> threads;
  for (size_t thread_idx = 1; thread_idx < options.io_threads; ++thread_idx) {
    threads.emplace_back([&ioc] { ioc.run(); });
  }
  ioc.run();
  for (auto& thread : threads) thread.join();
  workers.join();
  spdlog::info("ssj 已停止");
  return 0;
}

}  // namespace ssj::http
