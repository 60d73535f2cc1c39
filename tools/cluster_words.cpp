// newsidx-cluster-words: word classes for the NER tagger from word vectors (a fastText .vec
// file): spherical k-means of the words into the finest number of classes, then k-means of those
// classes' centroids (weighted by their sizes) into each coarser number, so that the classes nest
// like the prefixes of a Brown-cluster path. Writes "word<TAB>coarse<TAB>...<TAB>finest" lines.
// Used by scripts/train-clusters.sh; deterministic for a given input and seed.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/core.h>

namespace {

struct Points {
  std::size_t dim = 0;
  std::vector<float> x;       // row-major, unit length
  std::vector<double> weight;
  std::size_t size() const { return weight.size(); }
  const float* row(std::size_t i) const { return x.data() + i * dim; }
};

void normalise(float* v, std::size_t dim) {
  double n = 0;
  for (std::size_t d = 0; d < dim; ++d) n += static_cast<double>(v[d]) * v[d];
  const auto s = static_cast<float>(n > 0 ? 1.0 / std::sqrt(n) : 0.0);
  for (std::size_t d = 0; d < dim; ++d) v[d] *= s;
}

float dot(const float* a, const float* b, std::size_t dim) {
  float s = 0;
  for (std::size_t d = 0; d < dim; ++d) s += a[d] * b[d];
  return s;
}

// Weighted spherical k-means: the first k points by weight order seed the centres after a fixed
// shuffle (k-means++ costs as much as the clustering here and does not change the outcome much
// for word vectors). Returns the class of every point; `centres` receives the unit centroids.
std::vector<std::uint32_t> kmeans(const Points& p, std::size_t k, int iterations, std::uint64_t seed,
                                  std::vector<float>& centres) {
  const std::size_t n = p.size(), dim = p.dim;
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[static_cast<std::size_t>(rng() % i)]);
  centres.assign(k * dim, 0.0f);
  for (std::size_t c = 0; c < k; ++c) std::copy_n(p.row(order[c % n]), dim, centres.data() + c * dim);
  std::vector<std::uint32_t> assign(n, 0);
  for (int it = 0; it < iterations; ++it) {
    std::size_t moved = 0;
    for (std::size_t i = 0; i < n; ++i) {
      float best = -2;
      std::uint32_t arg = 0;
      for (std::size_t c = 0; c < k; ++c) {
        const float s = dot(p.row(i), centres.data() + c * dim, dim);
        if (s > best) {
          best = s;
          arg = static_cast<std::uint32_t>(c);
        }
      }
      if (assign[i] != arg || it == 0) ++moved;
      assign[i] = arg;
    }
    std::vector<double> sum(k * dim, 0.0), mass(k, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      mass[assign[i]] += p.weight[i];
      for (std::size_t d = 0; d < dim; ++d) sum[assign[i] * dim + d] += p.weight[i] * p.row(i)[d];
    }
    for (std::size_t c = 0; c < k; ++c) {
      if (mass[c] == 0) continue;  // an empty class keeps its centre
      for (std::size_t d = 0; d < dim; ++d) centres[c * dim + d] = static_cast<float>(sum[c * dim + d]);
      normalise(centres.data() + c * dim, dim);
    }
    fmt::print(stderr, "k={} iteration {}: {} points moved\n", k, it + 1, moved);
    if (moved == 0) break;
  }
  return assign;
}

int usage() {
  std::cerr << "usage: newsidx-cluster-words VECTORS.vec OUT.tsv K1,K2,...,Kfinest [--iterations N] [--seed N]\n"
               "  K ascending; words are weighted by 1/sqrt(rank) (the .vec file lists them by frequency)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) return usage();
  std::vector<std::size_t> ks;
  {
    std::stringstream ss(argv[3]);
    std::string k;
    while (std::getline(ss, k, ',')) ks.push_back(std::stoul(k));
  }
  int iterations = 20;
  std::uint64_t seed = 20261206;
  for (int i = 4; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--iterations") iterations = std::stoi(argv[i + 1]);
    else if (a == "--seed") seed = std::stoull(argv[i + 1]);
    else return usage();
  }
  if (ks.empty() || !std::is_sorted(ks.begin(), ks.end())) return usage();
  std::ifstream in(argv[1]);
  std::size_t count = 0;
  Points p;
  if (!(in >> count >> p.dim)) {
    std::cerr << "newsidx-cluster-words: " << argv[1] << ": not a .vec file (no 'count dim' header)\n";
    return 1;
  }
  std::vector<std::string> words;
  std::string w;
  std::vector<float> v(p.dim);
  while (in >> w) {
    for (auto& x : v) in >> x;
    if (!in) break;
    normalise(v.data(), p.dim);
    words.push_back(w);
    p.x.insert(p.x.end(), v.begin(), v.end());
    p.weight.push_back(1.0 / std::sqrt(static_cast<double>(words.size())));
  }
  fmt::print(stderr, "read {} of {} words, {} dimensions\n", words.size(), count, p.dim);
  // Finest level over the words, then each coarser level over the finer level's centroids.
  std::vector<std::vector<std::uint32_t>> levels(ks.size());
  std::vector<float> centres;
  levels.back() = kmeans(p, ks.back(), iterations, seed, centres);
  for (std::size_t l = ks.size() - 1; l-- > 0;) {
    Points c;
    c.dim = p.dim;
    c.x = centres;
    c.weight.assign(ks[l + 1], 0.0);
    for (std::size_t i = 0; i < words.size(); ++i) c.weight[levels[l + 1][i]] += p.weight[i];
    std::vector<float> coarser;
    const auto up = kmeans(c, ks[l], iterations * 2, seed + l + 1, coarser);
    levels[l].resize(words.size());
    for (std::size_t i = 0; i < words.size(); ++i) levels[l][i] = up[levels[l + 1][i]];
    centres = std::move(coarser);
  }
  std::ofstream out(argv[2]);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "</s>") continue;
    out << words[i];
    for (const auto& level : levels) out << '\t' << level[i];
    out << '\n';
  }
  if (!out) {
    std::cerr << "newsidx-cluster-words: cannot write " << argv[2] << "\n";
    return 1;
  }
  return 0;
}
