using System.Buffers;

namespace Majordomo.Classification;

/// <summary>
/// School, childcare and family administration (after the probe <c>sensitive-lookalikes-42</c>, docs/CLASSIFIER.md "Probe 42 read by
/// category"): a letter's activation or access code photographed and asked to be read out (DigiD's activeringscode, a school portal's
/// Zugangscode) travels in the image like a Wi-Fi sticker's key.
/// </summary>
internal static partial class SensitiveScanner
{
    // The codes a letter carries to open an account once: activation, access and registration codes.
    private static readonly SearchValues<string> ActivationCodeNouns = SearchValues.Create(
    [
        "activation code", "access code", "activeringscode", "activatiecode", "toegangscode", "aktivierungscode", "zugangscode", "freischaltcode",
        "code d'activation", "code d’activation", "code d'accès", "code d’accès", "código de activación", "código de acceso", "código de ativação",
        "código de acesso", "codice di attivazione", "codice di accesso", "kod aktywacyjny", "kod dostępu", "код активации", "код доступа",
        "aktivasyon kodu", "アクティベーションコード", "認証コード", "인증 코드", "활성화 코드", "激活码", "验证码",
        // Probe 53: a school app's or a nursery's registration and invite codes, printed once for one family.
        "registration code", "invite code", "invitation code", "sign-up code", "registrierungscode", "einladungscode", "code d'inscription",
        "code d’inscription", "code d'invitation", "código de registro", "código de invitación", "código de convite", "codice di registrazione",
        "codice invito", "registratiecode", "uitnodigingscode", "kod rejestracyjny", "kod zaproszenia", "登録コード", "招待コード", "가입 코드",
        "가입코드", "초대 코드", "초대코드", "注册码", "邀请码",
    ], StringComparison.OrdinalIgnoreCase);

    // Asks to type a code out that the shared read-out verbs lack: Japanese "打って", "文字で", "文字に起こ".
    private static readonly SearchValues<string> ScriptTypeOutVerbs = SearchValues.Create(["打って", "打ち出", "文字で", "文字に起こ", "打出来", "打一下", "글자로"], StringComparison.Ordinal);

    /// <summary>
    /// The ask that carries a photo names a letter's activation or access code and asks for it to be read out ("Kun je de
    /// activeringscode voorlezen?"): the code is in the picture (docs/LABELLING.md). A question about the code that reads none out
    /// ("what if the code has expired?") asks for nothing in the image.
    /// </summary>
    internal static bool ActivationCodePhotographed(ReadOnlySpan<char> ask) =>
        ask.IndexOfAny(ActivationCodeNouns) >= 0 && (ask.IndexOfAny(ReadOutVerbs) >= 0 || ask.IndexOfAny(MoreReadOutVerbs) >= 0 || ask.IndexOfAny(ScriptTypeOutVerbs) >= 0);

    // A negation as a whole word within the words before a masking word ("not", "pas"…; "no" opens "November" too), or English's "n't"
    // glued to its verb ("haven't").
    private static bool NegationBefore(ReadOnlySpan<char> before) =>
        SecretPhrases.WholeWordsIn(before, Negations) || before.Contains("n't", StringComparison.OrdinalIgnoreCase);
}

// Tax numbers named as a school's, an institution's or a company's, and HMRC's example National Insurance number.
internal static partial class SensitiveScanner
{
    // The tax-number labels of Indonesia and Vietnam, a person's or an organisation's alike.
    private static readonly string[] SharedTaxLabels = ["npwp", "mã số thuế", "ma so thue", "mst"];

    // An organisation named as the number's holder: an institution, a foundation, a school, a company.
    private static readonly string[] HolderOrganisations =
    [
        "lembaga", "perusahaan", "yayasan", "sekolah", "badan usaha", "instansi", "của trường", "nhà trường", "công ty", "doanh nghiệp",
        "của cơ sở", "của trung tâm",
    ];

    /// <summary>
    /// The number at <paramref name="start"/> follows an Indonesian or Vietnamese tax number's label (in its line, 40 characters
    /// before) and an organisation is named as its holder between the label and the number or right after it ("NPWP lembaganya
    /// 01.234…", "Mã số thuế: 0101234567 của trường"): an organisation's public register entry (docs/LABELLING.md).
    /// </summary>
    private static bool OrganisationTaxNamed(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 40)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        foreach (var label in SharedTaxLabels)
        {
            var at = before.LastIndexOf(label, StringComparison.OrdinalIgnoreCase);
            if (at < 0 || (at > 0 && char.IsLetter(before[at - 1])))
            {
                continue;
            }

            var end = start;
            while (end < text.Length && end < start + 24 && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '-' or ' ' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])))
            {
                end++;
            }

            var after = text[end..Math.Min(text.Length, end + 24)];
            if (SecretPhrases.WordIn(before[(at + label.Length)..], HolderOrganisations) || SecretPhrases.WordIn(after, HolderOrganisations))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>HMRC's published example National Insurance number, <c>QQ 12 34 56 C</c> and its shapes: its QQ prefix is never issued.</summary>
    internal static bool ExampleNino(ReadOnlySpan<char> value) =>
        value.Length >= 8 && value.StartsWith("QQ", StringComparison.Ordinal) && (char.IsAsciiDigit(value[2]) || (value[2] == ' ' && char.IsAsciiDigit(value[3])));

    // Hangul syllables on the number's line (within 80 characters before or after it): a Korean roster's row.
    private static bool HangulInLine(ReadOnlySpan<char> text, int start)
    {
        var before = text[Math.Max(0, start - 80)..start];
        before = before[(before.LastIndexOfAny('\n', '\r') + 1)..];
        var after = text[start..Math.Min(text.Length, start + 80)];
        var lineEnd = after.IndexOfAny('\n', '\r');
        after = lineEnd < 0 ? after : after[..lineEnd];
        return before.IndexOfAnyInRange('\uAC00', '\uD7A3') >= 0 || after.IndexOfAnyInRange('\uAC00', '\uD7A3') >= 0;
    }
}
