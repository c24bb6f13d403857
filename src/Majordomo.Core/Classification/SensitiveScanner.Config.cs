namespace Majordomo.Classification;

/// <summary>
/// How configuration files write a secret's name and value, for <see cref="Assignment"/>: a name that starts with an acronym
/// (<c>DBPwd=…</c> in a 1C <c>ibases.v8i</c>, <c>SMTPPassword</c>), PHP's and Ruby's hash rocket (<c>'api_key' =&gt; '…'</c>), a
/// shell expansion that only names a variable (<c>${POSTGRES_PASSWORD:?set in .env}</c>), and a Kubernetes secret's base64
/// whose decoded text is a placeholder (<c>KioqKioqKio=</c> is <c>********</c>).
/// </summary>
internal static partial class SensitiveScanner
{
    // "DBPwd", "SMTPPassword", "LDAPBindPwd": an acronym ends where a capital is followed by a capital and a lower-case letter.
    private static bool AcronymEnd(ReadOnlySpan<char> name, int i) =>
        i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsUpper(name[i]) && char.IsLower(name[i + 1]) && char.IsLetter(name[i - 1]);

    // 'api_key' => '7c1e…' (PHP arrays, Ruby hashes, Perl): the '>' after the '=' belongs to the operator.
    private static int HashRocket(ReadOnlySpan<char> text, int i) => i < text.Length && text[i] == '>' && text[i - 1] == '=' ? i + 1 : i;

    /// <summary>
    /// A name inside <c>${…}</c> followed by nothing, <c>}</c>, or an error message (<c>:?</c>, <c>?</c>): a reference to a variable,
    /// not its value. A default (<c>:-</c>, <c>:=</c>) is a value and is read as one.
    /// </summary>
    private static bool ExpansionWithoutValue(ReadOnlySpan<char> text, int start, int end)
    {
        if (start < 2 || text[start - 1] != '{' || text[start - 2] != '$')
        {
            return false;
        }

        var after = text[end..];
        return !(after.StartsWith(":-", StringComparison.Ordinal) || after.StartsWith(":=", StringComparison.Ordinal)
            || after.StartsWith("-", StringComparison.Ordinal) || after.StartsWith("=", StringComparison.Ordinal));
    }

    /// <summary>
    /// A base64 value (a Kubernetes secret's <c>data</c>) whose decoded text is itself a placeholder or a mask:
    /// <c>KioqKioqKio=</c> (<c>********</c>), <c>Y2hhbmdlbWU=</c> (<c>changeme</c>). A real password's base64 stays a value.
    /// </summary>
    internal static bool EncodedPlaceholder(ReadOnlySpan<char> value)
    {
        value = value.TrimEnd("}]).,;!?");
        if (value.Length is < 8 or > 88 || value.Length % 4 != 0 || value[^1] != '=' && value.Length < 12)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[66];
        if (!Convert.TryFromBase64Chars(value, bytes, out var written) || written < 3)
        {
            return false;
        }

        Span<char> decoded = stackalloc char[written];
        for (var k = 0; k < written; k++)
        {
            if (bytes[k] is < 0x20 or > 0x7E)
            {
                return false;
            }

            decoded[k] = (char)bytes[k];
        }

        return Placeholder(decoded) || decoded.IndexOfAnyExcept("*•#xX") < 0;
    }
}
