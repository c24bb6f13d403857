namespace Majordomo.Classification;

/// <summary>
/// Source code that only handles secrets (this repository's own files, read by a coding agent): a quoted secret's name that is a
/// ternary's branch (<c>verdict ? "PASS" : "FAIL"</c>, <c>show ? "password" : "text"</c>) names no key; digits that end a
/// code name ("web_search_20250305") are a version, not an account.
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>A quoted name starting at <paramref name="start"/> (its opening quote just before) that follows a ternary's '?'.</summary>
    private static bool TernaryBranch(ReadOnlySpan<char> text, int start) =>
        start > 1 && text[..(start - 1)].TrimEnd(" \t") is [.., '?'] before && (before.Length < 2 || before[^2] is not '?');

    /// <summary>Digits that end a code name after its underscore ("web_search_20250305", "claude_3_sonnet_20240229"): a version, no id.</summary>
    private static bool DigitsEndName(ReadOnlySpan<char> text, int start) =>
        start > 1 && text[start - 1] == '_' && char.IsAsciiLetterLower(text[start - 2]);
}
