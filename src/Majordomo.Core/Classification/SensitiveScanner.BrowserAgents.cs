namespace Majordomo.Classification;

/// <summary>
/// What browser and computer-use agents send (after the blind probe <c>sensitive-lookalikes-32</c>, read by category in the eighteenth
/// session; <c>SensitiveBrowserAgentTests</c>): a secret typed into a secret's field by a form-filling call (Playwright MCP's
/// <c>browser_type</c> and <c>browser_fill_form</c>, a test's <c>.fill()</c> after its locator), a session cookie in a saved cookie jar
/// (Playwright's storageState, a cookies.txt row, DevTools' table); and the guard: a value named for what it is when it is no
/// credential (a form's anti-forgery token, a site's ownership proof, an analytics cookie).
/// </summary>
internal static partial class SensitiveScanner
{
    // A secret field's label, as a part of it in any corpus language ("Contraseña", "Senha de 6 dígitos", "Security code (CVC)").
    private static readonly IgnoreCaseWords SecretFieldParts = new(
    [
        "passw", "passcode", "kennw", "contrase", "mot de passe", "senha", "hasło", "haslo", "parol", "wachtw", "şifre", "sifre", "пароль",
        "密码", "密碼", "パスワード", "비밀번호", "暗証", "security code", "sicherheitscode", "código de seguridad", "code de sécurité",
        "card number", "kartennummer", "número de tarjeta", "numéro de carte", "one-time", "verification code", "bestätigungscode",
        "código de verificación", "code de vérification", "验证码", "認証コード", "인증번호", "iban", "cvc", "cvv",
    ]);

    // A secret field's label as a whole word: a part would be inside other words ("shipping", "Tanzania").
    private static readonly string[] SecretFieldWords = ["pin", "otp", "tan", "2fa", "mfa", "totp", "csc"];

    /// <summary>
    /// A form-filling call's object holding a secret field's label and the value typed into it, at its <c>"ref"</c> key
    /// (<c>{"element": "Passwort", "ref": "e7", "text": "…"}</c>, <c>{"name": "PIN", "type": "textbox", "ref": "e9", "value": "…"}</c>).
    /// An empty value (the user types it) and a template's hole are no secret.
    /// </summary>
    private static bool FilledSecretField(ReadOnlySpan<char> text, int at)
    {
        var open = text[Math.Max(0, at - 200)..at].LastIndexOf('{');
        var close = text[at..Math.Min(text.Length, at + 400)].IndexOf('}');
        if (open < 0 || close < 0)
        {
            return false;
        }

        var item = text[(Math.Max(0, at - 200) + open)..(at + close)];
        var label = JsonString(item, "\"element\"");
        label = label.IsEmpty ? JsonString(item, "\"name\"") : label;
        var value = JsonString(item, "\"text\"");
        value = value.IsEmpty ? JsonString(item, "\"value\"") : value;
        return SecretFieldLabel(label) && TypedValue(value);
    }

    /// <summary>
    /// The same call as the scan reads a tool call's arguments (<c>JsonLines</c>: one <c>name: value</c> line each, ids and types left
    /// out): the label's line just before the <c>ref: e7</c> line (<c>element: Passwort</c>, <c>name: PIN</c>), the typed value's line
    /// just after it (<c>text: …</c>, <c>value: …</c>).
    /// </summary>
    private static bool FilledSecretLines(ReadOnlySpan<char> text, int at)
    {
        if (at < 2 || text[at - 1] != '\n')
        {
            return false;
        }

        var before = text[Math.Max(0, at - 200)..(at - 1)];
        var labelLine = before[(before.LastIndexOf('\n') + 1)..];
        var after = text[at..Math.Min(text.Length, at + 300)];
        var next = after.IndexOf('\n');
        if (next < 0)
        {
            return false;
        }

        var valueLine = after[(next + 1)..];
        valueLine = valueLine.IndexOf('\n') is >= 0 and var stop ? valueLine[..stop] : valueLine;
        var label = LineValue(labelLine, "element: ");
        label = label.IsEmpty ? LineValue(labelLine, "name: ") : label;
        var value = LineValue(valueLine, "text: ");
        value = value.IsEmpty ? LineValue(valueLine, "value: ") : value;
        return SecretFieldLabel(label) && TypedValue(value);
    }

    private static ReadOnlySpan<char> LineValue(ReadOnlySpan<char> line, string key) =>
        line.StartsWith(key, StringComparison.Ordinal) ? line[key.Length..].TrimEnd('\r') : [];

    /// <summary>
    /// A test's or an agent's Playwright code filling a secret's field with a literal: <c>getByLabel('Password').fill('…')</c>,
    /// <c>getByRole('textbox', { name: 'PIN' }).fill('…')</c>, <c>page.fill('#password', '…')</c>; at is the ".fill(".
    /// </summary>
    private static bool FilledLocator(ReadOnlySpan<char> text, int at)
    {
        var args = text[(at + 6)..];
        var first = QuotedLiteral(args);
        if (first.IsEmpty)
        {
            return false;
        }

        // page.fill(selector, value): the selector names the field.
        var afterFirst = args[(first.Length + 2)..].TrimStart(' ');
        if (afterFirst is [',', ..] && QuotedLiteral(afterFirst[1..].TrimStart(' ')) is { IsEmpty: false } second)
        {
            return SecretFieldLabel(first) && TypedValue(second);
        }

        // locator.fill(value): the locator before it, on its statement, names the field.
        var before = text[Math.Max(0, at - 160)..at];
        var statement = before[(before.LastIndexOfAny(";\n") + 1)..];
        return SecretFieldLabel(statement) && TypedValue(first);
    }

    // A JavaScript string literal opening the arguments ('…', "…" or `…`), without its quotes; empty when the argument is no literal.
    private static ReadOnlySpan<char> QuotedLiteral(ReadOnlySpan<char> args)
    {
        if (args.IsEmpty || args[0] is not ('\'' or '"' or '`'))
        {
            return [];
        }

        var close = args[1..].IndexOf(args[0]);
        return close < 0 ? [] : args[1..(close + 1)];
    }

    // The string value of a key inside one JSON object ("key": "value"); empty when it is missing or not a string.
    private static ReadOnlySpan<char> JsonString(ReadOnlySpan<char> item, string key)
    {
        var hit = item.IndexOf(key, StringComparison.Ordinal);
        if (hit < 0)
        {
            return [];
        }

        var after = item[(hit + key.Length)..].TrimStart(' ');
        if (after is not [':', ..])
        {
            return [];
        }

        after = after[1..].TrimStart(' ');
        if (after is not ['"', ..])
        {
            return [];
        }

        var close = after[1..].IndexOf('"');
        return close < 0 ? [] : after[1..(close + 1)];
    }

    private static bool SecretFieldLabel(ReadOnlySpan<char> label)
    {
        foreach (var part in SecretFieldParts.For(label))
        {
            if (label.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var range in label.SplitAny(" \t()[]{}'\",.:;-_/#"))
        {
            foreach (var word in SecretFieldWords)
            {
                if (label[range].Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // What was typed: three characters or more (a CVC), not a placeholder, a template's hole, a mask or a test value.
    private static bool TypedValue(ReadOnlySpan<char> value) =>
        value.Trim().Length >= 3 && !Placeholder(value) && !SecretPhrases.DummyValue(value) && value.IndexOfAny("{}$<>") < 0
        && value.IndexOfAnyExcept("*•●xX") >= 0 && !TestDigits(value);

    // A test checkout's CVC or PIN: one digit repeated or digits counting up ("123", "0000", "123456"; dev probe 9's Stripe test).
    private static bool TestDigits(ReadOnlySpan<char> value)
    {
        if (value.IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        var same = true;
        var counting = true;
        for (var i = 1; i < value.Length; i++)
        {
            same &= value[i] == value[0];
            counting &= value[i] == value[i - 1] + 1;
        }

        return same || counting;
    }

    /// <summary>
    /// A saved cookie jar's session cookie, the hit inside its name: Playwright's storageState (<c>{"name":"app_session","value":"…"}</c>)
    /// and the tab-separated rows of a cookies.txt file or DevTools' table (<c>sessionid→9fk2…</c>). An analytics cookie
    /// (<c>_hjSessionUser_…</c>) is no login, and a row listing names with their expiry has no value.
    /// </summary>
    private static bool CookieJarSession(ReadOnlySpan<char> text, int at)
    {
        var end = at;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-' or '.'))
        {
            end++;
        }

        // Both rows go on after the name with '",' or a tab: any other name ("cancellationToken)" in code) is turned away before the
        // walk back to its start (issue 16 item 4). The same answer.
        var after = text[end..];
        if (!after.StartsWith("\",", StringComparison.Ordinal) && after is not ['\t', ..])
        {
            return false;
        }

        var start = at;
        while (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '-' or '.'))
        {
            start--;
        }

        var name = text[start..end];
        ReadOnlySpan<char> value;
        if (start > 0 && text[start - 1] == '"' && text[..(start - 1)].TrimEnd(' ').EndsWith("\"name\":", StringComparison.Ordinal)
            && after.StartsWith("\",", StringComparison.Ordinal) && after[2..].TrimStart(' ').StartsWith("\"value\":", StringComparison.Ordinal))
        {
            value = after[2..].TrimStart(' ')[8..].TrimStart(" \"");
        }
        else if (after is ['\t', ..] && (start == 0 || text[start - 1] is '\t' or '\n'))
        {
            value = after[1..];
        }
        else
        {
            return false;
        }

        return !TrackerCookie(name) && SessionValue(value, minLetters: 4, cookie: true);
    }

    // Analytics and advertising cookies (Google, Meta, Microsoft, Hotjar, Segment, Clarity, TikTok): they count visits, they open no
    // account. Matched as the whole name or as its prefix before an id ("_ga_4TQ8WZ", "_hjSessionUser_3312408").
    private static readonly string[] TrackerCookies =
    [
        "_ga", "_gid", "_gat", "_gcl_au", "_fbp", "_fbc", "IDE", "NID", "MUID", "_uetsid", "_uetvid", "_clck", "_clsk", "ajs_anonymous_id",
        "ajs_user_id", "_hjSessionUser", "_hjSession", "_hjid", "_ttp", "_scid", "_pin_unauth", "__utma", "__utmz", "_octo",
    ];

    internal static bool TrackerCookie(ReadOnlySpan<char> name)
    {
        foreach (var tracker in TrackerCookies)
        {
            if (name.StartsWith(tracker, StringComparison.Ordinal) && (name.Length == tracker.Length || name[tracker.Length] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    // Names of values that prove nothing about a login: a form's anti-forgery token (Rails, Django, ASP.NET, Laravel's header), a site's
    // ownership proof for a search console or an ad network, an analytics visitor's id.
    private static readonly string[] PurposeNames =
    [
        "csrf", "xsrf", "authenticity_token", "requestverificationtoken", "site-verification", "domain-verification", "site_verification",
        "visitor_id", "anonymous_id",
    ];

    /// <summary>
    /// The token starting at <paramref name="start"/> is the value of a field named for a purpose that is no credential: a hidden input's
    /// or a meta tag's <c>name="csrf-token" content="…"</c>, a form body's <c>csrfmiddlewaretoken=…</c>, an analytics cookie's row
    /// (<c>IDE→AHWq…</c>, <c>{"name":"_ga","value":"…"}</c>). Only the field the value belongs to counts: its tag, parameter or row.
    /// </summary>
    internal static bool PurposeNamedValue(ReadOnlySpan<char> text, int start)
    {
        var field = text[Math.Max(0, start - 120)..start];
        field = field[(field.LastIndexOfAny("\n<&?{;") + 1)..];
        if (field is [.., '\t'])
        {
            var row = field[..^1];
            var name = row[(row.LastIndexOf('\t') + 1)..];
            return TrackerCookie(name) || PurposeName(name, out _);
        }

        var jsonName = JsonString(field, "\"name\"");
        if (!jsonName.IsEmpty && TrackerCookie(jsonName))
        {
            return true;
        }

        return PurposeName(field, out var nameEnd) && OnlyAttributes(field[nameEnd..]);
    }

    private static bool PurposeName(ReadOnlySpan<char> field, out int end)
    {
        end = 0;
        foreach (var name in PurposeNames)
        {
            var hit = field.LastIndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0)
            {
                end = hit + name.Length;
                while (end < field.Length && (char.IsAsciiLetterOrDigit(field[end]) || field[end] is '_' or '-'))
                {
                    end++;
                }

                return true;
            }
        }

        return false;
    }

    // Between a field's name and its value: quotes, '=', ':' and a tag's other attributes (type="hidden", value=, content=).
    private static bool OnlyAttributes(ReadOnlySpan<char> between)
    {
        foreach (var range in between.SplitAny(" \t\"'=:"))
        {
            var word = between[range];
            if (!(word.IsEmpty || word is "value" or "content" or "type" or "hidden" or "autocomplete" or "off"))
            {
                return false;
            }
        }

        return true;
    }
}
