// libFuzzer target: any bytes as a model file. loadModel must read it or
// throw ModelFileError; building its network may throw std::invalid_argument
// (weights that do not fit), nothing else.
#include "fuzzinput.h"
#include "model/modelfile.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string& path = neurolift::fuzz::writeInput(data, size, ".model.json");
    try {
        const neurolift::TrainedModel model = neurolift::loadModel(path);
        try {
            model.network();
        } catch (const std::invalid_argument&) {
        }
    } catch (const neurolift::ModelFileError&) {
    }
    return 0;
}
