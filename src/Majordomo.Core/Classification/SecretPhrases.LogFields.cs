namespace Majordomo.Classification;

// Long material's look-alikes around a secret's noun (probe 25, `sensitive-categories-31`): a log line's other fields
// ("auth: password check ok user_id=u_40476 token=[REDACTED] req=0795f9c8-…"), a table row whose topic cell names a
// password ("| password reset link expired | P1 | Kofi | 1130 |"); nouns and codes the probe's meetings and threads said.
internal static partial class SecretPhrases
{
    // The end of a value written after another name's '=' (a log line's "req=0795f9c8-42a6-4c07-ab7b-3a279cf564c5"): up to the
    // next space or the end of the window, so no tail of it ("42a6-4c07-…") is read as a code of its own.
    private static int OtherFieldEnd(ReadOnlySpan<char> window, int from)
    {
        var end = window[from..].IndexOfAny(" \t\n\r");
        return end < 0 ? window.Length : from + end;
    }

    // A markdown table's cell: when words follow the noun inside its cell ("password reset link expired | P1 | Kofi | 1130"),
    // the cell is a topic and the next cells are other columns' values; a label cell ("| PIN | 4821 |") keeps its row.
    private static ReadOnlySpan<char> OwnCell(ReadOnlySpan<char> window)
    {
        var bar = window.IndexOf(" | ", StringComparison.Ordinal);
        if (bar < 0)
        {
            return window;
        }

        // A record's row goes on with three cells or more (priority, owner, minutes); a two-column list's label keeps its value cell.
        var cell = window[..bar];
        var line = window[bar..];
        var lineEnd = line.IndexOfAny('\n', '\r');
        if ((lineEnd < 0 ? line : line[..lineEnd]).Count(" | ") < 3)
        {
            return window;
        }

        for (var i = 0; i < cell.Length; i++)
        {
            if (char.IsLetter(cell[i]) && i + 1 < cell.Length && char.IsLetter(cell[i + 1]))
            {
                return cell;
            }
        }

        return window;
    }

    private static (string Phrase, Want Want)[] LongMaterialPhrases() =>
    [
        // A health plan's number as a meeting says it ("o número do contrato de plano de saúde, do paciente, é …"); an id with a
        // possessive ("رقم هويتي": my id's number).
        ("plano de saúde", Want.Digits), ("plano de saude", Want.Digits), ("رقم هويتي", Want.Digits),
    ];

    // Recovery and backup codes announced in one sentence and read out in the next ("복구 코드 불러드릴게요. 첫 번째 k7mq-2vxa, …"):
    // two codes of letters and digits joined by a dash in the next sentence.
    private static bool CodesInNextSentence(ReadOnlySpan<char> text, int end, string phrase)
    {
        if (phrase is not ("복구 코드" or "백업 코드" or "recovery code" or "backup code" or "バックアップコード" or "リカバリーコード" or "备用码"))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 160)];
        var stop = window.IndexOfAny(".。\n");
        if (stop < 0)
        {
            return false;
        }

        var next = window[(stop + 1)..].TrimStart(" \t");
        var line = next.IndexOfAny('\n', '\r');
        next = line < 0 ? next : next[..line];
        var codes = 0;
        var i = 0;
        while (i < next.Length)
        {
            if (!char.IsAsciiLetterOrDigit(next[i]))
            {
                i++;
                continue;
            }

            int start = i, digits = 0, letters = 0, dashes = 0;
            while (i < next.Length && (char.IsAsciiLetterOrDigit(next[i]) || next[i] == '-'))
            {
                digits += char.IsAsciiDigit(next[i]) ? 1 : 0;
                letters += char.IsAsciiLetter(next[i]) ? 1 : 0;
                dashes += next[i] == '-' ? 1 : 0;
                i++;
            }

            codes += i - start is >= 8 and <= 14 && digits >= 2 && letters >= 2 && dashes >= 1 ? 1 : 0;
        }

        return codes >= 2;
    }
}
