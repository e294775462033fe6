// cli/raw_deflate.cpp: zlib with windowBits -15 (raw deflate).
//
// Index
//   deflate_raw
//   inflate_raw   chunked, bounded, and strict about truncation and trailing garbage
#include "raw_deflate.h"

#include <zlib.h>

namespace ssmview {

std::string deflate_raw(std::string_view data) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(&out[0]);
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);  // the buffer is deflateBound: one call finishes
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

Inflated inflate_raw(std::string_view compressed, std::size_t max_out) {
    Inflated r;
    z_stream z{};
    if (inflateInit2(&z, -15) != Z_OK) {
        r.error = "the decompressor could not start";
        return r;
    }
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    z.avail_in = static_cast<uInt>(compressed.size());
    char chunk[65536];
    int status = Z_OK;
    while (status == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(chunk);
        z.avail_out = sizeof chunk;
        status = inflate(&z, Z_NO_FLUSH);
        const std::size_t produced = sizeof chunk - z.avail_out;
        if (r.data.size() + produced > max_out) {
            inflateEnd(&z);
            r.data.clear();
            r.error = "the link expands to more than " + std::to_string(max_out / (1024 * 1024)) + " MiB, the most ssmview opens";
            return r;
        }
        r.data.append(chunk, produced);
        if (status == Z_BUF_ERROR && z.avail_in == 0) break;  // input ran out before the end
    }
    const bool ended = status == Z_STREAM_END;
    const bool trailing = ended && z.avail_in != 0;
    inflateEnd(&z);
    if (!ended) {
        r.data.clear();
        r.error = status == Z_DATA_ERROR ? "the link's compressed data is corrupt" : "the link's compressed data is cut off";
        return r;
    }
    if (trailing) {
        r.data.clear();
        r.error = "the link has extra data after its compressed report";
        return r;
    }
    r.ok = true;
    return r;
}

}  // namespace ssmview
