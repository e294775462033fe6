// view/samples.cpp: the bundled samples (one real AWS CLI output per state).
//
// Index
//   view_samples, view_find_sample
//
// The data is generated at build time (embed_samples.cmake -> samples_data.cpp in the build
// tree) from tests/fixtures/aws-cli/*.json, the same files the tests read, so a sample is always
// exactly what the AWS CLI printed.
#include <string>

#include "view.h"

namespace ssmview {

extern const Sample kEmbeddedSamples[];
extern const int kEmbeddedSampleCount;

const Sample* view_samples(int& count) {
    count = kEmbeddedSampleCount;
    return kEmbeddedSamples;
}

const Sample* view_find_sample(const std::string& name) {
    for (int i = 0; i < kEmbeddedSampleCount; ++i)
        if (name == kEmbeddedSamples[i].name) return &kEmbeddedSamples[i];
    return nullptr;
}

}  // namespace ssmview
