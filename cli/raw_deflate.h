// cli/raw_deflate.h: raw deflate (RFC 1951, no zlib or gzip header) with zlib, for share links.
//
// Index
//   deflate_raw    compress at level 9: links are made once and read many times
//   inflate_raw    decompress, stopping at `max_out` bytes: a tiny link cannot expand to gigabytes
//
// Browsers speak the same format through CompressionStream('deflate-raw'), so links made here
// open in the page and links made there open here.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace ssmview {

std::string deflate_raw(std::string_view data);

struct Inflated {
    bool        ok = false;
    std::string data;
    std::string error;  // a sentence for people when !ok
};
Inflated inflate_raw(std::string_view compressed, std::size_t max_out);

}  // namespace ssmview
