#include "nn/network.h"

#include <stdexcept>

namespace neurolift {

Network::Network(const Architecture& architecture, int inputs, std::uint64_t seed)
    : m_architecture(architecture)
    , m_inputs(inputs)
{
    if (architecture.layers.empty() || architecture.layers.back().kind != LayerKind::Dense) {
        throw std::invalid_argument("the network must end in a Dense output layer");
    }
    if (inputs < 1) {
        throw std::invalid_argument("the network needs at least one input feature");
    }
    Rng rng(seed);
    const auto names = architecture.layerNames();
    int width = inputs;
    for (std::size_t i = 0; i < architecture.layers.size(); ++i) {
        LayerSpec spec = architecture.layers[i];
        if (i + 1 == architecture.layers.size()) {
            // The output activation is applied by predict() and folded into the loss in training.
            m_link = spec.activation;
            spec.activation = Activation::Linear;
        }
        m_layers.push_back(makeLayer(spec, names[i], width, rng));
        width = m_layers.back()->outputSize();
    }
}

Network::Network(const Network& other)
    : m_architecture(other.m_architecture)
    , m_inputs(other.m_inputs)
    , m_link(other.m_link)
{
    for (const auto& l : other.m_layers) {
        m_layers.push_back(l->clone());
    }
}

Network& Network::operator=(const Network& other)
{
    if (this != &other) {
        Network copy(other);
        *this = std::move(copy);
    }
    return *this;
}

Network::~Network() = default;

int Network::outputSize() const
{
    return m_layers.back()->outputSize();
}

std::vector<Parameter*> Network::parameters()
{
    std::vector<Parameter*> all;
    for (auto& l : m_layers) {
        for (Parameter* p : l->parameters()) {
            all.push_back(p);
        }
    }
    return all;
}

long long Network::parameterCount() const
{
    long long n = 0;
    for (const auto& l : m_layers) {
        for (const Parameter* p : l->parameters()) {
            n += p->value.size();
        }
    }
    return n;
}

NamedTensors Network::weights() const
{
    NamedTensors out;
    for (const auto& l : m_layers) {
        for (const Parameter* p : l->parameters()) {
            out.emplace_back(p->name, p->value);
        }
        for (const Parameter* p : l->states()) {
            out.emplace_back(p->name, p->value);
        }
    }
    return out;
}

void Network::setWeights(const NamedTensors& weights)
{
    std::map<std::string, const Matrix*> byName;
    for (const auto& [name, value] : weights) {
        byName[name] = &value;
    }
    // Check everything first so a failure leaves the network unchanged.
    std::vector<std::pair<Parameter*, const Matrix*>> assignments;
    for (auto& l : m_layers) {
        auto tensors = l->parameters();
        for (Parameter* s : l->states()) {
            tensors.push_back(s);
        }
        for (Parameter* p : tensors) {
            const auto it = byName.find(p->name);
            if (it == byName.end()) {
                throw std::invalid_argument("the saved weights have no tensor \"" + p->name + "\"");
            }
            if (it->second->rows() != p->value.rows() || it->second->cols() != p->value.cols()) {
                throw std::invalid_argument(
                    "the saved tensor \"" + p->name + "\" is " + std::to_string(it->second->rows()) + "x" +
                    std::to_string(it->second->cols()) + " but the network needs " +
                    std::to_string(p->value.rows()) + "x" + std::to_string(p->value.cols()));
            }
            assignments.emplace_back(p, it->second);
        }
    }
    for (auto& [p, value] : assignments) {
        p->value = *value;
    }
}

const Matrix& Network::forward(const ConstMatrixRef& input, Workspace& ws, Mode mode, Rng& rng)
{
    const std::size_t n = m_layers.size();
    ws.outputs.resize(n);
    ws.buffers.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0) {
            m_layers[i]->forward(input, ws.outputs[i], ws.buffers[i], mode, rng);
        } else {
            m_layers[i]->forward(ws.outputs[i - 1], ws.outputs[i], ws.buffers[i], mode, rng);
        }
    }
    return ws.outputs.back();
}

void Network::backward(const ConstMatrixRef& input, Workspace& ws, Matrix& gradLogits)
{
    Matrix* gradOut = &gradLogits;
    for (std::size_t i = m_layers.size(); i-- > 0;) {
        // The input needs no gradient, which saves the first layer's largest product.
        Matrix* gradIn = i == 0 ? nullptr : (gradOut == &ws.gradA ? &ws.gradB : &ws.gradA);
        if (i == 0) {
            m_layers[i]->backward(input, ws.outputs[i], *gradOut, gradIn, ws.buffers[i]);
        } else {
            m_layers[i]->backward(ws.outputs[i - 1], ws.outputs[i], *gradOut, gradIn, ws.buffers[i]);
        }
        gradOut = gradIn;
    }
}

void Network::predictLogits(const ConstMatrixRef& input, Matrix& output, Workspace& ws) const
{
    const std::size_t n = m_layers.size();
    ws.outputs.resize(n);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (i == 0) {
            m_layers[i]->infer(input, ws.outputs[i]);
        } else {
            m_layers[i]->infer(ws.outputs[i - 1], ws.outputs[i]);
        }
    }
    if (n == 1) {
        m_layers[0]->infer(input, output);
    } else {
        m_layers[n - 1]->infer(ws.outputs[n - 2], output);
    }
}

void Network::inputGradient(const ConstMatrixRef& input, Index output, bool throughLink, Matrix& gradient,
                            Workspace& ws, Matrix* values) const
{
    if (output < 0 || output >= outputSize()) {
        throw std::invalid_argument("inputGradient: the network has no output " + std::to_string(output));
    }
    const std::size_t n = m_layers.size();
    ws.outputs.resize(n);
    ws.buffers.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (i == 0) {
            m_layers[i]->inferKeeping(input, ws.outputs[i], ws.buffers[i]);
        } else {
            m_layers[i]->inferKeeping(ws.outputs[i - 1], ws.outputs[i], ws.buffers[i]);
        }
    }
    const Matrix& logits = ws.outputs.back();
    // d(output)/d(logits): a one-hot row through the link's Jacobian.
    Matrix seed = Matrix::Zero(logits.rows(), logits.cols());
    seed.row(output).setOnes();
    Matrix* grad = &ws.gradA;
    if (throughLink && m_link != Activation::Linear) {
        Matrix linked = logits;
        applyActivationInPlace(m_link, linked);
        activationBackward(m_link, logits, linked, seed, *grad);
        if (values) {
            *values = linked.row(output);
        }
    } else {
        *grad = std::move(seed);
        if (values) {
            *values = logits.row(output);
        }
    }
    for (std::size_t i = n; i-- > 0;) {
        Matrix* next = i == 0 ? &gradient : (grad == &ws.gradA ? &ws.gradB : &ws.gradA);
        const ConstMatrixRef in = i == 0 ? input : ConstMatrixRef(ws.outputs[i - 1]);
        m_layers[i]->inputBackward(in, ws.outputs[i], *grad, *next, ws.buffers[i]);
        grad = next;
    }
}

void Network::predict(const ConstMatrixRef& input, Matrix& output, Workspace& ws) const
{
    predictLogits(input, output, ws);
    applyActivationInPlace(m_link, output);
}

} // namespace neurolift
