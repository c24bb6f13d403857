using System.Collections.Frozen;

namespace Majordomo.Classification;

internal static partial class SecretPhrases
{
    /// <summary>
    /// The phrases of <see cref="Phrases"/> that may start at <paramref name="rest"/>'s first character, in their order: those
    /// whose first three characters fold like its first three (<see cref="SensitivePrefilter.FoldOf"/>; characters equal under
    /// OrdinalIgnoreCase fold alike), and those of two characters whose two fold like its first two. <see cref="Check"/> compared
    /// all ~2,000 at every trigger's hit; a phrase left out here could not pass its <c>StartsWith</c>, so the answer is the same
    /// (issue 16 item 4: text dense in "key", "token", "pin"; code dense in "session", "secret", "password", where a bucket of two
    /// characters still held dozens of phrases).
    /// </summary>
    private static ReadOnlySpan<(string Phrase, Want Want)> PhrasesAt(ReadOnlySpan<char> rest)
    {
        if (rest.Length < 2)
        {
            return [];
        }

        var two = PhraseStarts.Key(rest[0], rest[1]);
        return rest.Length > 2 && PhraseStarts.ByThree.TryGetValue(two | (SensitivePrefilter.FoldOf(rest[2]) << 16), out var three)
            ? three
            : PhraseStarts.ByTwo.GetValueOrDefault(two, []);
    }

    // In a class of their own: built on the first check, once SecretPhrases and SensitivePrefilter have initialised.
    private static class PhraseStarts
    {
        // Phrases of two characters by their two folds; a text whose first three fold like no longer phrase's needs only these.
        internal static readonly FrozenDictionary<int, (string Phrase, Want Want)[]> ByTwo = Phrases
            .Where(p => p.Phrase.Length == 2)
            .GroupBy(p => Key(p.Phrase[0], p.Phrase[1]))
            .ToFrozenDictionary(g => g.Key, g => g.ToArray());

        // Per three folds of a longer phrase's start: those phrases and the two-character ones of its first two, in Phrases' order.
        internal static readonly FrozenDictionary<int, (string Phrase, Want Want)[]> ByThree = Phrases
            .Where(p => p.Phrase.Length > 2)
            .Select(p => Key(p.Phrase[0], p.Phrase[1]) | (SensitivePrefilter.FoldOf(p.Phrase[2]) << 16))
            .Distinct()
            .ToFrozenDictionary(key => key, key => Phrases
                .Where(p => p.Phrase.Length == 2 ? Key(p.Phrase[0], p.Phrase[1]) == (key & 0xFFFF)
                    : (Key(p.Phrase[0], p.Phrase[1]) | (SensitivePrefilter.FoldOf(p.Phrase[2]) << 16)) == key)
                .ToArray());

        internal static int Key(char first, char second) => SensitivePrefilter.FoldOf(first) | (SensitivePrefilter.FoldOf(second) << 8);

        static PhraseStarts()
        {
            // A phrase of one character would be in no bucket: the prefilter refuses such triggers too.
            if (Phrases.Any(p => p.Phrase.Length < 2))
            {
                throw new InvalidOperationException("a secret phrase has fewer than two characters");
            }
        }
    }
}
