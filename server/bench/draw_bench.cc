// `scripts/bench draw`: the draw engine's figures, each beside a reference measured in the same
// run (docs/benchmarks.md). Not a test: it asserts nothing and prints a table.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "draw/draw.h"
#include "draw/encoding.h"

namespace {

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

long PeakRssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6)) / 1024;
  }
  return -1;
}

ssj::draw::Digest Secret() {
  ssj::draw::Digest d{};
  d[0] = 7;
  return d;
}

// A USCC-shaped code for entity n (18 characters, as in real pools).
std::string Code(uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "915001%012llu", static_cast<unsigned long long>(n));
  return buf;
}

ssj::draw::Request Pool(uint64_t size, int strata, bool shuffled = false) {
  ssj::draw::Request r;
  r.task_id = "BENCH-2026-001";
  r.draw_date = "2026-11-22";
  for (int s = 0; s < strata; ++s)
    r.strata.push_back({"S" + std::to_string(s), std::string("0.03"), std::nullopt});
  static const char* kRegions[] = {"500103", "500105", "500111", "370303"};
  std::vector<std::string> names;
  for (int s = 0; s < strata; ++s) names.push_back("S" + std::to_string(s));
  // In code order, as ssj exports a pool; or shuffled, as another system might list it, so that
  // the canonical sort does all its work.
  std::vector<uint64_t> order(size);
  for (uint64_t n = 0; n < size; ++n) order[n] = n;
  if (shuffled) std::shuffle(order.begin(), order.end(), std::mt19937_64(2026));
  r.targets.Reserve(size);
  for (uint64_t n : order) r.targets.Add(Code(n), names[n % strata], kRegions[n % 4]);
  r.secret = Secret();
  r.commitment = ssj::draw::Commitment(r.secret);
  r.public_input = {"dice", "", "", "52341265314256314625"};
  return r;
}

void TicketRate() {
  const uint64_t n = 3000000;
  ssj::draw::Digest seed{};
  std::vector<std::string> codes;
  codes.reserve(n);
  for (uint64_t i = 0; i < n; ++i) codes.push_back(Code(i));
  // Reference: raw SHA-256 over inputs of exactly the ticket's size.
  const size_t input_size = 32 + 4 + 18;  // stratum seed ‖ str(code), as in §6
  std::vector<unsigned char> input(input_size, 'x');
  unsigned char out[32];
  auto start = Clock::now();
  for (uint64_t i = 0; i < n; ++i) {
    std::memcpy(input.data() + input_size - 18, codes[i].data(), 18);
    SHA256_CTX ctx;  // the cheapest OpenSSL path: one context, one update
    SHA256_Init(&ctx);
    SHA256_Update(&ctx, input.data(), input.size());
    SHA256_Final(out, &ctx);
  }
  double raw = n / Seconds(start);
  start = Clock::now();
  ssj::draw::Digest sink{};
  ssj::draw::TicketHasher hasher(seed, "S1");
  for (uint64_t i = 0; i < n; ++i) sink[i % 32] ^= hasher.Ticket(codes[i])[0];
  double single = n / Seconds(start);
  // The draw's path: 64-bit ticket prefixes in batches (two at a time with the SHA extensions).
  start = Clock::now();
  std::vector<std::string_view> views(codes.begin(), codes.end());
  std::vector<uint64_t> prefixes(256);
  for (uint64_t i = 0; i < n; i += 256) {
    size_t batch = std::min<uint64_t>(256, n - i);
    hasher.Prefixes(views.data() + i, batch, prefixes.data());
    sink[i % 32] ^= static_cast<uint8_t>(prefixes[0]);
  }
  double tickets = n / Seconds(start);
  std::printf("  (逐个计算完整签号 %.2f M/s)\n", single / 1e6);
  std::printf(
      "| 签号速率（单核） | %.2f M/s | 原始 SHA-256（同样 %zu 字节输入）%.2f M/s | %.0f%% | ≥ 70%% "
      "|\n",
      tickets / 1e6, input_size, raw / 1e6, 100 * tickets / raw);
  (void)sink;
}

void EndToEnd(uint64_t size, bool shuffled) {
  auto start = Clock::now();
  ssj::draw::Request r = Pool(size, 8, shuffled);
  double build = Seconds(start);
  start = Clock::now();
  auto status = ssj::draw::CheckFields(r);
  double fields = Seconds(start);
  start = Clock::now();
  auto pool = ssj::draw::Canonicalize(r);
  double canonical = Seconds(start);
  start = Clock::now();
  auto digest = ssj::draw::PoolDigest(r, pool.value());
  double digest_time = Seconds(start);
  std::printf("  (分步: 字段检查 %.2f s，规范排序与查重 %.2f s，对象池摘要 %.2f s)\n", fields,
              canonical, digest_time);
  (void)status;
  (void)digest;
  start = Clock::now();
  auto out = ssj::draw::Draw(r);
  double draw = Seconds(start);
  uint64_t selected = 0;
  for (const auto& s : out->strata) selected += s.selected.size();
  std::printf(
      "| 端到端抽取 %llu 个对象（8 层，3%%，%s） | %.2f s，峰值内存 %ld MiB | 构建内存中的对象池 "
      "%.2f s | 抽中 %llu | ≤ 2 s，≤ 1.5 GB |\n",
      static_cast<unsigned long long>(size), shuffled ? "对象乱序" : "按代码排序", draw,
      PeakRssMiB(), build, static_cast<unsigned long long>(selected));
}

void Assignment(uint64_t targets, uint64_t inspectors) {
  ssj::draw::Request r = Pool(targets, 1);
  r.strata[0].ratio = "1";
  r.team = ssj::draw::Team{2, "D0", {{"D0", std::nullopt}, {"D1", std::nullopt}}, "any"};
  for (uint64_t i = 0; i < inspectors; ++i) {
    r.inspectors.push_back(
        {"I" + std::to_string(i), "", i % 2 ? "D1" : "D0", "", {}, "2027-12-31", 10});
  }
  // 1% conflict density: each target conflicts with 1% of the inspectors… too many pairs at this
  // size (2·10^7); use 1% of (target, inspector) pairs among each target's likely candidates:
  // every target conflicts with inspectors in a stride, giving 1% of the pool per target on
  // average.
  for (uint64_t t = 0; t < targets; t += 1) {
    for (uint64_t k = 0; k < 2; ++k)
      r.conflicts.push_back({"I" + std::to_string((t * 7 + k * 13) % inspectors), Code(t), ""});
  }
  auto start = Clock::now();
  auto out = ssj::draw::Draw(r);
  double seconds = Seconds(start);
  uint32_t max_load = 0;
  for (const auto& [id, load] : out->loads) max_load = std::max(max_load, load);
  std::printf(
      "| 检查组分配 %llu 个对象 × %llu 名人员（每组 2 人，容量 10） | %.2f s | 第二阶段补位 %llu "
      "个岗位 | 最大负荷 %u | ≤ 2 s |\n",
      static_cast<unsigned long long>(targets), static_cast<unsigned long long>(inspectors),
      seconds, static_cast<unsigned long long>(out.ok() ? out->phase2_slots : 0), max_load);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t pool = argc > 1 ? std::stoull(argv[1]) : 10000000;
  std::printf("| 项目 | 结果 | 同次运行的参照 | 比例 | 目标 |\n|---|---|---|---|---|\n");
  TicketRate();
  Assignment(100000, 20000);
  // Each end-to-end case in its own process, so that peak memory and page faults are its own.
  for (bool shuffled : {false, true}) {
    std::fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
      EndToEnd(pool, shuffled);
      std::fflush(stdout);
      _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
  }
  return 0;
}
