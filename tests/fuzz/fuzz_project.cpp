// libFuzzer target: any bytes as a project file. Opening it and reading
// everything it holds must work or throw ProjectError; anything else is a bug.
#include "fuzzinput.h"
#include "project/project.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string& path = neurolift::fuzz::writeInput(data, size, ".nlproj");
    try {
        neurolift::Project p = neurolift::Project::open(path);
        for (const char* key : {"target", "idColumn", "features", "split", "recipe", "ui"}) {
            p.setting(key);
        }
        if (p.hasDataset()) {
            p.datasetSource();
            p.datasetRows();
            p.loadDataset();
        }
        for (const auto& summary : p.runs()) {
            p.run(summary.id);
        }
        p.architectures();
        p.segments();
        p.exports();
        p.notes();
    } catch (const neurolift::ProjectError&) {
    }
    return 0;
}
