using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Majordomo.Chat;

namespace Majordomo.Classification;

/// <summary>
/// Where the learned classifier's features go: either straight into the model's outputs (inference:
/// each feature adds its value times its weight row, nothing is stored) or into a list (training).
/// Features come in blocks (words, character trigrams, system words…); a block is scaled by
/// 1/√(its feature count) when it ends, so a long text does not outvote a short one.
/// </summary>
internal ref struct FeatureSink
{
    private readonly ReadOnlySpan<float> _weights;
    private readonly Span<float> _outputs;
    private readonly Span<float> _block;
    private readonly List<int>? _indices;
    private readonly List<float>? _values;
    private int _blockStart;
    private int _blockCount;

    /// <summary>Inference: accumulates <c>x·W</c> into <paramref name="outputs"/> (<paramref name="block"/> is scratch of the same length).</summary>
    public FeatureSink(ReadOnlySpan<float> weights, Span<float> outputs, Span<float> block)
    {
        if (block.Length != outputs.Length)
        {
            throw new ArgumentException("the block is one score per output", nameof(block));
        }

        _weights = weights;
        _outputs = outputs;
        _block = block;
        _block.Clear();
    }

    /// <summary>Training: records the sparse vector.</summary>
    public FeatureSink(List<int> indices, List<float> values)
    {
        _indices = indices;
        _values = values;
    }

    public void Add(int index, float value)
    {
        _blockCount++;
        if (_indices is not null)
        {
            _indices.Add(index);
            _values!.Add(value);
            return;
        }

        // Eight outputs a step, then four, then one: each output still gets value * weight added by itself (a multiply,
        // then an add, no fused multiply-add), so every score is the scalar loop's to the bit. A long prompt adds a few
        // thousand features (issue 16 item 4). The row's bounds are checked by the slice; the block is as long (constructor).
        var length = (nuint)_outputs.Length;
        ref var weight = ref MemoryMarshal.GetReference(_weights.Slice(index * _outputs.Length, _outputs.Length));
        ref var sum = ref MemoryMarshal.GetReference(_block);
        nuint k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k + (nuint)Vector256<float>.Count <= length; k += (nuint)Vector256<float>.Count)
            {
                (Vector256.LoadUnsafe(ref sum, k) + (Vector256.Create(value) * Vector256.LoadUnsafe(ref weight, k))).StoreUnsafe(ref sum, k);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; k + (nuint)Vector128<float>.Count <= length; k += (nuint)Vector128<float>.Count)
            {
                (Vector128.LoadUnsafe(ref sum, k) + (Vector128.Create(value) * Vector128.LoadUnsafe(ref weight, k))).StoreUnsafe(ref sum, k);
            }
        }

        for (; k < length; k++)
        {
            Unsafe.Add(ref sum, k) += value * Unsafe.Add(ref weight, k);
        }
    }

    /// <summary>Closes a block: scales what it added by 1/√count (or by 1 when <paramref name="normalize"/> is false).</summary>
    public void EndBlock(bool normalize = true)
    {
        var scale = normalize && _blockCount > 1 ? 1f / MathF.Sqrt(_blockCount) : 1f;
        if (_indices is not null)
        {
            for (var i = _blockStart; i < _values!.Count; i++)
            {
                _values[i] *= scale;
            }

            _blockStart = _values.Count;
        }
        else
        {
            for (var k = 0; k < _outputs.Length; k++)
            {
                _outputs[k] += _block[k] * scale;
            }

            _block.Clear();
        }

        _blockCount = 0;
    }
}

/// <summary>Which feature blocks a model reads (stored with its weights; training chooses, inference follows).</summary>
[Flags]
internal enum FeatureSet
{
    None = 0,

    /// <summary>The cue scorer's feature scores and answer (the model refines it rather than replacing it).</summary>
    Cues = 1,

    /// <summary>Hashed words of the last user message (head and tail).</summary>
    Words = 2,

    /// <summary>Hashed pairs of adjacent words.</summary>
    Pairs = 4,

    /// <summary>Words of the instruction zones (first and last 200 characters).</summary>
    Zones = 8,

    /// <summary>The first word of the message.</summary>
    FirstWord = 16,

    /// <summary>Character trigrams.</summary>
    Trigrams = 32,

    /// <summary>Words of the system prompt (unknown agents only).</summary>
    System = 64,

    /// <summary>Tool names (unknown agents only).</summary>
    Tools = 128,

    /// <summary>Words of tool results.</summary>
    Results = 256,

    /// <summary>Character four-grams, in the trigrams' block.</summary>
    Quadgrams = 512,

    /// <summary>
    /// Words and pairs of the ask (the instruction lines of a long message, all of a short one) in a block of their own,
    /// and the lengths of the ask and of the material around it.
    /// </summary>
    Ask = 1024,

    All = Cues | Words | Pairs | Zones | FirstWord | Trigrams | System | Tools | Results | Quadgrams | Ask,
}

/// <summary>
/// The learned classifier's view of a request (docs/CLASSIFIER.md): hashed words, word pairs and words
/// of the instruction lines of the last user message, hashed character trigrams (languages without
/// spaces, morphology), hashed words of the system prompt, tool names and tool results, and dense
/// features: the cue scorer's feature scores and answer, lengths, turns, tools, media. One pass over
/// bounded windows of each text; no allocation.
/// </summary>
internal static class LearnedFeatures
{
    /// <summary>Indices below this are dense features; hashed features fill the rest of the space.</summary>
    public const int DenseCount = 256;

    // Namespaces keep "error" in the system prompt apart from "error" in the user's ask.
    private const uint WordSpace = 1, PairSpace = 2, ZoneSpace = 3, TrigramSpace = 4, SystemSpace = 5, ToolSpace = 6, ResultSpace = 7, FirstWordSpace = 8, QuadgramSpace = 9,
        AskSpace = 10, AskPairSpace = 11;

    // Bounded windows: the head and tail of the ask (where instructions sit), fewer characters for trigrams.
    private const int HeadChars = HeuristicClassifier.HeadChars, TailChars = HeuristicClassifier.TailChars;
    private const int TrigramHead = 1000, TrigramTail = 300, SystemChars = 1500, ResultChars = 1000, ZoneChars = 200;

    // A message this short is all ask; a longer one's ask is its instruction zones (the cue scorer's first and last lines).
    private const int AskChars = 400;

    /// <summary>Task labels in output order; complexity thresholds follow them.</summary>
    public static readonly string[] Tasks =
        ["conversation", "coding", "math", "reasoning", "summarization", "extraction", "creative", "vision", "research", "translation"];

    /// <summary>Outputs of the model: one score per task, then P(level &gt; k) for k = simple, medium, complex.</summary>
    public static int Outputs => Tasks.Length + 3;

    public static void Extract(PromptView prompt, Classification cues, FeatureSet features, int dimension, ref FeatureSink sink)
    {
        var mask = (uint)(dimension - DenseCount);
        var text = prompt.LastUserChars;
        if (text.Length <= HeadChars + TailChars)
        {
            Words(text, 0, text.Length, features, mask, ref sink);
        }
        else
        {
            Words(text[..HeadChars], 0, text.Length, features, mask, ref sink);
            Words(text[^TailChars..], text.Length - TailChars, text.Length, features, mask, ref sink);
        }

        sink.EndBlock();

        // The ask in a block of its own: in the words' block a one-line ask under 20,000 characters of pasted thread weighed
        // a hundredth of its features, and the material's length and vocabulary decided (probe 25: most read as extraction).
        // A short message is all ask, so what short prompts teach carries over to the ask under long material.
        var askChars = -1;
        if ((features & FeatureSet.Ask) != 0)
        {
            if (text.Length <= AskChars)
            {
                askChars = text.Trim().Length;
                AskWords(text.Trim(), mask, ref sink);
            }
            else
            {
                var (head, tail) = HeuristicClassifier.Zones(text);
                // Trimmed: the line break that ends the head or starts the tail is not part of what is asked.
                var first = text[..head].Trim();
                var last = text[tail..].Trim();
                askChars = first.Length + last.Length;
                AskWords(first, mask, ref sink);
                AskWords(last, mask, ref sink);
            }

            sink.EndBlock();
        }

        if ((features & (FeatureSet.Trigrams | FeatureSet.Quadgrams)) != 0)
        {
            if (text.Length <= TrigramHead + TrigramTail)
            {
                Trigrams(text, features, mask, ref sink);
            }
            else
            {
                Trigrams(text[..TrigramHead], features, mask, ref sink);
                Trigrams(text[^TrigramTail..], features, mask, ref sink);
            }

            sink.EndBlock();
        }

        // A known agent's system prompt and tools describe the agent, not this turn (SPEC §1.10): left out.
        var agent = prompt.Agent is not null;
        if ((features & FeatureSet.System) != 0)
        {
            Unigrams(agent ? default : Head(prompt.SystemChars, SystemChars), SystemSpace, mask, ref sink);
            sink.EndBlock();
        }

        if ((features & FeatureSet.Tools) != 0)
        {
            Unigrams(agent ? default : prompt.ToolNames, ToolSpace, mask, ref sink);
            sink.EndBlock();
        }

        if ((features & FeatureSet.Results) != 0)
        {
            Unigrams(Head(prompt.ToolResultChars, ResultChars), ResultSpace, mask, ref sink);
            sink.EndBlock();
        }

        Dense(prompt, cues, (features & FeatureSet.Cues) != 0, askChars, ref sink);
        sink.EndBlock(normalize: false);
    }

    private static ReadOnlySpan<char> Head(ReadOnlySpan<char> text, int chars) => text[..Math.Min(text.Length, chars)];

    /// <summary>Words (letter/digit runs, each CJK character, each symbol), their pairs, and words of the instruction zones.</summary>
    private static void Words(ReadOnlySpan<char> text, int offset, int total, FeatureSet features, uint mask, ref FeatureSink sink)
    {
        if ((features & (FeatureSet.Words | FeatureSet.Pairs | FeatureSet.Zones | FeatureSet.FirstWord)) == 0)
        {
            return;
        }

        var previous = 0u;
        var first = offset == 0 && (features & FeatureSet.FirstWord) != 0;
        var words = (features & FeatureSet.Words) != 0;
        var pairs = (features & FeatureSet.Pairs) != 0;
        var zones = (features & FeatureSet.Zones) != 0;
        var i = 0;
        while (NextWord(text, ref i) is var start and >= 0)
        {
            var hash = Hash(Clip(text[start..i]));
            if (words)
            {
                sink.Add(Index(hash, WordSpace, mask), 1f);
            }

            if (pairs && previous != 0)
            {
                sink.Add(Index((previous * 0x9E3779B1u) ^ hash, PairSpace, mask), 1f);
            }

            var position = offset + start;
            if (zones && (position < ZoneChars || position >= total - ZoneChars))
            {
                sink.Add(Index(hash, ZoneSpace, mask), 1f);
            }

            if (first)
            {
                sink.Add(Index(hash, FirstWordSpace, mask), 1f);
                first = false;
            }

            previous = hash;
        }
    }

    /// <summary>Words and pairs of adjacent words of the ask, in their own spaces.</summary>
    private static void AskWords(ReadOnlySpan<char> text, uint mask, ref FeatureSink sink)
    {
        var previous = 0u;
        var i = 0;
        while (NextWord(text, ref i) is var start and >= 0)
        {
            var hash = Hash(Clip(text[start..i]));
            sink.Add(Index(hash, AskSpace, mask), 1f);
            if (previous != 0)
            {
                sink.Add(Index((previous * 0x9E3779B1u) ^ hash, AskPairSpace, mask), 1f);
            }

            previous = hash;
        }
    }

    /// <summary>
    /// Moves past the next word (a letter/digit run, one CJK character or one symbol; blanks skipped) and returns where it
    /// starts, or -1 at the end of <paramref name="text"/>.
    /// </summary>
    private static int NextWord(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\r')
        {
            i++;
        }

        if (i >= text.Length)
        {
            return -1;
        }

        var start = i;
        if (IsCjk(text[i]) || !char.IsLetterOrDigit(text[i]))
        {
            i++;
            return start;
        }

        while (i < text.Length && char.IsLetterOrDigit(text[i]) && !IsCjk(text[i]))
        {
            i++;
        }

        return start;
    }

    private static ReadOnlySpan<char> Clip(ReadOnlySpan<char> word) => word.Length > 40 ? word[..40] : word;

    private static void Unigrams(ReadOnlySpan<char> text, uint space, uint mask, ref FeatureSink sink)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]) && i - start < 40)
            {
                i++;
            }

            sink.Add(Index(Hash(text[start..i]), space, mask), 1f);
        }
    }

    /// <summary>Character trigrams of the lower-cased text with runs of white space read as one space.</summary>
    private static void Trigrams(ReadOnlySpan<char> text, FeatureSet features, uint mask, ref FeatureSink sink)
    {
        var trigrams = (features & FeatureSet.Trigrams) != 0;
        var quadgrams = (features & FeatureSet.Quadgrams) != 0;
        uint z = ' ', a = ' ', b = ' ';
        var seen = 0;
        var lastSpace = true;
        foreach (var raw in text)
        {
            var space = char.IsWhiteSpace(raw);
            if (space && lastSpace)
            {
                continue;
            }

            lastSpace = space;
            uint c = space ? ' ' : Normal(raw);
            var hash = (((a * 0x01000193u) ^ b) * 0x01000193u) ^ c;
            seen++;
            if (trigrams && (seen >= 3 || (seen == 2 && a == ' ')))
            {
                sink.Add(Index(hash * 0x85EBCA6Bu, TrigramSpace, mask), 1f);
            }

            if (quadgrams && seen >= 3)
            {
                sink.Add(Index(((z * 0xC2B2AE35u) ^ hash) * 0x85EBCA6Bu, QuadgramSpace, mask), 1f);
            }

            z = a;
            a = b;
            b = c;
        }
    }

    private static void Dense(PromptView prompt, Classification cues, bool withCues, int askChars, ref FeatureSink sink)
    {
        sink.Add(0, 1f); // bias
        if (withCues && cues.Scores is FeatureScores scores)
        {
            var values = scores.Span;
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                sink.Add(1 + i, (float)(Math.Sign(v) * Math.Log(1 + Math.Abs(v))));
            }

            sink.Add(30 + Array.IndexOf(Tasks, cues.TaskType) + 1, 1f);
            sink.Add(42 + ClassifierEvaluation.Level(cues.Complexity) + 1, 1f);
        }

        sink.Add(50 + Log2Bin(prompt.Agent is null ? prompt.EstimatedPromptTokens : prompt.LastUserChars.Length / 4, 15), 1f);
        sink.Add(66 + Log2Bin(prompt.LastUserChars.Length, 15), 1f);
        // Capped: a bin per count learned which lengths train's chats happened to have (four messages read as work).
        sink.Add(82 + Math.Min(prompt.MessageCount, 3), 1f);
        sink.Add(95 + Math.Min(prompt.UserMessages, 8), 1f);
        sink.Add(104 + Log2Bin(prompt.ToolCalls, 6), 1f);
        sink.Add(111 + Log2Bin(prompt.ToolResults, 6), 1f);
        sink.Add(118 + Log2Bin(prompt.Agent is null ? prompt.ToolDefinitions : 0, 6), 1f);
        sink.Add(125 + Math.Min(prompt.MediaParts, 2), 1f);
        sink.Add(128 + Log2Bin(prompt.Agent is null ? prompt.SystemChars.Length : 0, 15), 1f);
        sink.Add(144 + (prompt.ResponseFormat is "json_object" or "json_schema" ? 1 : 0), 1f);
        sink.Add(146 + (prompt.Agent is null ? 0 : 1), 1f);
        sink.Add(148 + (prompt.AgentSource is null ? 0 : 1), 1f);

        var text = prompt.LastUserChars;
        text = text[..Math.Min(text.Length, HeadChars)];
        sink.Add(150 + Log2Bin(text.Count('\n'), 8), 1f);
        sink.Add(160 + Log2Bin(text.Count('?') + text.Count('？'), 5), 1f);
        sink.Add(166 + Log2Bin(text.Count('`'), 6), 1f);
        sink.Add(173 + Log2Bin(text.Count('='), 6), 1f);
        var nonAscii = 0;
        foreach (var c in text)
        {
            nonAscii += c > 127 ? 1 : 0;
        }

        sink.Add(180 + (text.IsEmpty ? 0 : Math.Min(5, nonAscii * 5 / text.Length)), 1f);
        if (askChars >= 0)
        {
            // How long the ask is, how much material surrounds it in its message, and how much earlier user turns carry
            // ("make minutes of this" under a transcript pasted one turn before).
            var last = prompt.LastUserChars.Length;
            sink.Add(190 + Log2Bin(askChars, 10), 1f);
            sink.Add(202 + Log2Bin(last - askChars, 15), 1f);
            sink.Add(218 + Log2Bin(Math.Max(0, prompt.UserTurnsChars - last), 15), 1f);
        }
    }

    /// <summary>0 for 0, then 1 + floor(log2(n)), capped at <paramref name="max"/>.</summary>
    private static int Log2Bin(long n, int max) => n <= 0 ? 0 : Math.Min(max, 1 + (63 - (int)ulong.LeadingZeroCount((ulong)n)));

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30ff' or >= '\u3400' and <= '\u9fff' or >= '\uac00' and <= '\ud7af';

    // Lower case, and every digit reads as 0: numbers generalise by shape, not value.
    private static uint Normal(char c) => char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);

    private static uint Hash(ReadOnlySpan<char> word)
    {
        var h = 2166136261u;
        foreach (var c in word)
        {
            h = (h ^ Normal(c)) * 16777619u;
        }

        return h | 1;
    }

    private static int Index(uint hash, uint space, uint mask)
    {
        var h = (hash ^ (space * 0x27D4EB2Fu)) * 0x9E3779B1u;
        h ^= h >> 15;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        return DenseCount + (int)(h % mask);
    }
}
