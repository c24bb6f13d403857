using System.Globalization;
using System.Reflection;
using System.Reflection.Emit;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Majordomo.SideBySide;

/// <summary>
/// <c>SensitivePrefilter.Scan</c>'s kind from two builds of Majordomo.Core on the same texts: every string of every corpus line
/// (train, and dev but the blind probes) raw, escaped by System.Text.Json's default encoder and by the relaxed one, and each
/// line's strings joined and escaped; every source, test, bench, doc and tool file raw, escaped once (both encoders) and twice,
/// in windows of 300, 1,200, 5,000 and 20,000 characters at half-window steps. A change made for speed must differ nowhere.
/// </summary>
internal static class KindDiff
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly int[] Windows = [300, 1_200, 5_000, 20_000];
    private static readonly string[] FileFolders = ["src", "tests", "bench", "docs", "tools"];
    private static readonly string[] FileKinds = [".cs", ".md", ".py", ".json"];

    private delegate int Scan(string text);

    public static int Run(string oldDir, string newDir, string repo, string output)
    {
        using var differences = new StreamWriter(output);
        var tally = new Tally(Load(oldDir), Load(newDir), differences);
        Corpus(repo, tally);
        Files(repo, tally);
        tally.Print();
        return tally.Differences == 0 ? 0 : 1;
    }

    private static void Corpus(string repo, Tally tally)
    {
        foreach (var (file, number, strings) in CorpusLines(repo))
        {
            var where = $"{Path.GetFileName(file)}:{number}";
            foreach (var text in strings)
            {
                tally.Compare("corpus raw", where, text);
                tally.Compare("corpus escaped", where, Escaped(text));
                tally.Compare("corpus relaxed", where, Escaped(text, Relaxed));
            }

            // The line's strings as one tool output (the messages of a prompt in one JSON string).
            tally.Compare("corpus joined escaped", where, Escaped(string.Join('\n', strings)));
        }
    }

    private static IEnumerable<(string File, int Number, List<string> Strings)> CorpusLines(string repo)
    {
        var blind = File.ReadLines(Path.Combine(repo, "corpus/blind-probes.txt")).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        var files = Directory.GetFiles(Path.Combine(repo, "corpus/train"), "*.jsonl")
            .Concat(Directory.GetFiles(Path.Combine(repo, "corpus/dev"), "*.jsonl").Where(f => !blind.Contains(Path.GetFileName(f))))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.Trim().Length > 0)
                {
                    using var document = JsonDocument.Parse(line);
                    var strings = new List<string>();
                    Strings(document.RootElement, strings);
                    yield return (file, number, strings.Where(s => s.Length >= 8).ToList());
                }
            }
        }
    }

    private static void Files(string repo, Tally tally)
    {
        var files = FileFolders.SelectMany(d => Directory.EnumerateFiles(Path.Combine(repo, d), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && FileKinds.Any(k => f.EndsWith(k, StringComparison.Ordinal)))
            .Append(Path.Combine(repo, "README.md"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var raw = File.ReadAllText(file);
            var name = Path.GetRelativePath(repo, file);
            foreach (var (variant, text) in (ReadOnlySpan<(string, string)>)[("raw", raw), ("escaped", Escaped(raw)), ("relaxed", Escaped(raw, Relaxed)), ("escaped twice", Escaped(Escaped(raw)))])
            {
                foreach (var size in Windows)
                {
                    for (var from = 0; from < text.Length; from += size / 2)
                    {
                        tally.Compare("files " + variant, string.Create(CultureInfo.InvariantCulture, $"{name}@{from}+{size}"), text.Substring(from, Math.Min(size, text.Length - from)));
                        if (from + size >= text.Length)
                        {
                            break;
                        }
                    }
                }
            }
        }
    }

    // A string's JSON form without its quotes: what a tool's output looks like inside a request body.
    private static string Escaped(string text, JsonSerializerOptions? options = null) => JsonSerializer.Serialize(text, options)[1..^1];

    private static void Strings(JsonElement element, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Strings(item, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Strings(property.Value, into);
                }

                break;
        }
    }

    // The internal SensitivePrefilter.Scan(ReadOnlySpan<char>) of one build, called on a string (a span cannot be a generic argument).
    private static Scan Load(string folder)
    {
        var type = new BuildContext(folder).LoadMain("Majordomo.Core.dll").GetType("Majordomo.Classification.SensitivePrefilter", throwOnError: true)!;
        var scan = type.GetMethod("Scan", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(ReadOnlySpan<char>)])!;
        var method = new DynamicMethod("Scan", typeof(int), [typeof(string)], typeof(KindDiff).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(MemoryExtensions).GetMethod(nameof(MemoryExtensions.AsSpan), [typeof(string)])!);
        il.Emit(OpCodes.Call, scan);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Scan>();
    }

    /// <summary>Texts, flagged texts and differences by group; each difference written with its place and its first 300 characters.</summary>
    private sealed class Tally(Scan old, Scan fresh, StreamWriter differences)
    {
        private readonly SortedDictionary<string, int[]> _groups = new(StringComparer.Ordinal);

        public int Differences { get; private set; }

        public void Compare(string group, string where, string text)
        {
            if (!_groups.TryGetValue(group, out var counts))
            {
                _groups[group] = counts = new int[4];
            }

            var (a, b) = (old(text), fresh(text));
            counts[0]++;
            counts[1] += a != 0 ? 1 : 0;
            counts[2] += b != 0 ? 1 : 0;
            if (a != b)
            {
                counts[3]++;
                Differences++;
                var shown = text.Length > 300 ? text[..300] : text;
                differences.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group}\t{where}\t{a}\t{b}\t{shown.Replace("\n", "⏎", StringComparison.Ordinal).Replace("\t", "→", StringComparison.Ordinal)}"));
            }
        }

        public void Print()
        {
            Console.WriteLine($"{"group",-22} {"texts",9} {"old flags",10} {"new flags",10} {"differ",7}");
            foreach (var (group, c) in _groups)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group,-22} {c[0],9:N0} {c[1],10:N0} {c[2],10:N0} {c[3],7:N0}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"differences: {Differences:N0}"));
        }
    }
}
