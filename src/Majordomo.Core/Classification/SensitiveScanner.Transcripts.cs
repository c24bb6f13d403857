namespace Majordomo.Classification;

/// <summary>
/// Look-alikes of transcripts and chats for the digit passes (after the blind probe <c>sensitive-lookalikes-23</c>, docs/CLASSIFIER.md
/// "Probe 23 read by category"): a coupon spelled letter by letter before its year ("W I N T E R ー 2 0 2 6"); a login number in a
/// pasted table's user column ("Sistema | Usuário | Senha⏎Banco Inter PJ | 31849920 | ••••••••").
/// </summary>
internal static partial class SensitiveScanner
{
    /// <summary>Whether <paramref name="before"/> ends in three or more single letters spaced apart, then an optional dash.</summary>
    private static bool SpelledWordBefore(ReadOnlySpan<char> before)
    {
        var text = before.TrimEnd(" -–ー_");
        var letters = 0;
        var i = text.Length - 1;
        while (i >= 0 && char.IsLetter(text[i]) && (i == 0 || text[i - 1] == ' '))
        {
            letters++;
            i -= 2;
        }

        return letters >= 3;
    }

    private static readonly string[] UserHeaders =
    [
        "user", "username", "login", "usuário", "usuario", "utente", "benutzer", "benutzername", "identifiant", "gebruiker", "gebruikersnaam",
        "użytkownik", "пользователь", "логин", "kullanıcı", "ユーザー", "用户", "用户名", "사용자", "아이디",
    ];

    /// <summary>Whether the digits at <paramref name="start"/> stand in a '|' table's column whose header names a user or a login.</summary>
    private static bool UserColumn(ReadOnlySpan<char> text, int start)
    {
        var lineStart = text[..start].LastIndexOfAny('\n', '\r') + 1;
        var column = text[lineStart..start].Count('|');
        if (column == 0)
        {
            return false;
        }

        // The header: a line above, within six, with as many bars and no digit, naming a user in that column.
        var above = text[..Math.Max(0, lineStart - 1)];
        for (var lines = 0; lines < 6 && !above.IsEmpty; lines++)
        {
            var cut = above.LastIndexOfAny('\n', '\r');
            var line = above[(cut + 1)..];
            above = cut >= 0 ? above[..cut] : [];
            if (line.Count('|') < column || line.IndexOfAnyInRange('0', '9') >= 0)
            {
                continue;
            }

            var k = 0;
            foreach (var range in line.Split('|'))
            {
                if (k++ == column)
                {
                    var cell = line[range].Trim();
                    foreach (var header in UserHeaders)
                    {
                        if (cell.Equals(header, StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }

                    break; // a row above (an address in that column): on to the header
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a call verb stands as a whole word in the 16 characters before <paramref name="start"/> on its line ("zadzwoń 42 6
    /// 300 800", "פנה למוקד *2407"): the number is a phone line's. Whole words: "zorgverzekering is 7734 …" holds "ring".
    /// </summary>
    internal static bool CalledWord(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 16)..start];
        var newline = before.LastIndexOfAny('\n', '\r');
        before = newline >= 0 ? before[(newline + 1)..] : before;
        foreach (var word in CallWords)
        {
            // Nouns that are also call verbs name a phone, not a call ("in case I lose my phone: 8812-4471 …" are backup codes).
            if (word is "phone" or "ring" or "电话" or "電話" or "전화")
            {
                continue;
            }

            var hit = before.IndexOf(word.AsSpan().TrimEnd(' '), StringComparison.OrdinalIgnoreCase);
            var end = hit + word.TrimEnd(' ').Length;
            if (hit >= 0 && (hit == 0 || !char.IsLetter(before[hit - 1])) && (end >= before.Length || !char.IsLetter(before[end])))
            {
                return true;
            }
        }

        return false;
    }
}
