using System.Buffers.Binary;
using Majordomo.Chat;
using Majordomo.Config;

namespace Majordomo.Classification;

/// <summary>
/// The trained linear model behind the built-in classifier (docs/CLASSIFIER.md): one weight row per
/// feature (<see cref="LearnedFeatures"/>), one column per task and per complexity threshold. The task
/// is the highest-scoring column; complexity is ordinal — the number of thresholds
/// (above simple, above medium, above complex) whose score is positive. Trained and written by
/// the training tool under <c>tools/</c>; shipped as the embedded resource <c>Majordomo.classifier-weights.bin</c>
/// and read once.
/// </summary>
internal sealed class LearnedModel
{
    public const string ResourceName = "Majordomo.classifier-weights.bin";

    private const uint Magic = 0x43444A4D; // "MJDC"
    private const int Version = 2; // 2: the flags word is a FeatureSet

    // Read on first use, immutable after: a gateway that never classifies never pays for it.
    private static readonly Lazy<LearnedModel?> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly float[] _weights;

    public LearnedModel(float[] weights, int dimension, FeatureSet features)
    {
        if (weights.Length != dimension * LearnedFeatures.Outputs)
        {
            throw new ArgumentException($"expected {dimension * LearnedFeatures.Outputs} weights, got {weights.Length}", nameof(weights));
        }

        _weights = weights;
        Dimension = dimension;
        Features = features;
    }

    /// <summary>The model shipped in the executable, or null when the build carries none.</summary>
    public static LearnedModel? Shipped => Embedded.Value;

    /// <summary>Rows of the weight table (dense features plus hash buckets).</summary>
    public int Dimension { get; }

    /// <summary>The feature blocks this model reads.</summary>
    public FeatureSet Features { get; }

    /// <summary>Whether the cue scorer's scores and answer are features (the model refines it) or not (it replaces it).</summary>
    public bool WithCues => (Features & FeatureSet.Cues) != 0;

    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The cue scorer's classification with this model's task and complexity.</summary>
    public Classification Apply(PromptView prompt, Classification cues)
    {
        var (task, complexity) = Predict(prompt, cues);
        return task == cues.TaskType && complexity == cues.Complexity ? cues : cues with { TaskType = task, Complexity = complexity };
    }

    /// <summary>The raw column scores (tasks, then complexity thresholds) into <paramref name="outputs"/>.</summary>
    public void Score(PromptView prompt, Classification cues, Span<float> outputs)
    {
        Span<float> block = stackalloc float[LearnedFeatures.Outputs];
        outputs.Clear();
        var sink = new FeatureSink(_weights, outputs, block);
        LearnedFeatures.Extract(prompt, cues, Features, Dimension, ref sink);
    }

    /// <summary>Moves a column's decision point: adds <paramref name="offset"/> to the bias row (dense feature 0, always 1).</summary>
    public void Shift(int column, float offset) => _weights[column] += offset;

    public (string Task, string Complexity) Predict(PromptView prompt, Classification cues)
    {
        Span<float> outputs = stackalloc float[LearnedFeatures.Outputs];
        Score(prompt, cues, outputs);

        var tasks = LearnedFeatures.Tasks;
        var best = 0;
        for (var t = 1; t < tasks.Length; t++)
        {
            if (outputs[t] > outputs[best])
            {
                best = t;
            }
        }

        // Images need a model that sees them, whatever is asked about them; without one, vision is not a task.
        var task = prompt.MediaParts > 0 ? "vision" : tasks[best] == "vision" ? cues.TaskType : tasks[best];
        var level = 0;
        for (var k = 0; k < 3; k++)
        {
            level += outputs[tasks.Length + k] > 0 ? 1 : 0;
        }

        return (task, level switch
        {
            0 => Complexity.Simple,
            1 => Complexity.Medium,
            2 => Complexity.Complex,
            _ => Complexity.Reasoning,
        });
    }

    /// <summary>Magic, version, dimension, outputs, flags, then the weights as half-precision floats (little-endian).</summary>
    public void Write(Stream stream)
    {
        Span<byte> header = stackalloc byte[20];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Dimension);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], LearnedFeatures.Outputs);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], (int)Features);
        stream.Write(header);
        var buffer = new byte[_weights.Length * 2];
        for (var i = 0; i < _weights.Length; i++)
        {
            BinaryPrimitives.WriteHalfLittleEndian(buffer.AsSpan(i * 2), (Half)_weights[i]);
        }

        stream.Write(buffer);
    }

    public static LearnedModel Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[20];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic || BinaryPrimitives.ReadInt32LittleEndian(header[4..]) != Version)
        {
            throw new InvalidDataException("not a classifier weights file of version " + Version);
        }

        var dimension = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        var outputs = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (outputs != LearnedFeatures.Outputs || dimension <= LearnedFeatures.DenseCount || dimension > 1 << 22)
        {
            throw new InvalidDataException($"weights for {outputs} outputs over {dimension} rows do not fit this build");
        }

        var buffer = new byte[dimension * outputs * 2];
        stream.ReadExactly(buffer);
        var weights = new float[dimension * outputs];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(buffer.AsSpan(i * 2));
        }

        var features = (FeatureSet)BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        if ((features & ~FeatureSet.All) != 0)
        {
            throw new InvalidDataException($"weights for unknown features {features} do not fit this build");
        }

        return new LearnedModel(weights, dimension, features);
    }

    private static LearnedModel? LoadEmbedded()
    {
        using var stream = typeof(LearnedModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Read(stream);
    }
}
