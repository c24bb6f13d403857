namespace Majordomo.Classification;

/// <summary>
/// Shapes the older dev files' last errors showed (docs/CLASSIFIER.md, "The older dev files' last errors"): a placeholder told in
/// the words of its own noun in a CJK language (<c>password: 你的数据库密码</c>, <c>POSTGRES_PASSWORD: あなたのパスワード</c>); a check's
/// modulus named after an IBAN's noun (<c>Modulo-97-Prüfung</c>, <c>mod 97-10</c>).
/// </summary>
internal static partial class SecretPhrases
{
    // "Your" and the secret's own nouns in Chinese, Japanese and Korean: a value holding one describes the password it stands for.
    private static readonly string[] CjkPlaceholderWords = ["你的", "您的", "あなたの", "당신의", "자신의", "密码", "パスワード", "비밀번호"];

    /// <summary>A value that names what goes there in CJK words ("你的redis密码", "您的管理员密码", "あなたのパスワード"): a template's hole.</summary>
    internal static bool CjkPlaceholder(ReadOnlySpan<char> value)
    {
        if (!value.ContainsAnyExceptInRange('\0', '\u2E7F'))
        {
            return false;
        }

        foreach (var word in CjkPlaceholderWords)
        {
            if (value.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The words a check's arithmetic is named by, glued to its modulus ("Modulo-97", "mod97") or just before it ("mod 97-10").
    private static readonly string[] ModulusWords = ["modulo", "modulus", "mod", "módulo"];

    /// <summary>
    /// The run at <paramref name="start"/> is a check's modulus (an IBAN's "Modulo-97-Prüfung", ISO 7064's "mod 97-10", "MOD97"), not
    /// a value: it opens with a modulus word, or one stands right before it.
    /// </summary>
    private static bool CheckModulus(ReadOnlySpan<char> window, int start, int end)
    {
        var run = window[start..end];
        var before = window[..start].TrimEnd(" \t-");
        foreach (var word in ModulusWords)
        {
            if ((run.StartsWith(word, StringComparison.OrdinalIgnoreCase) && run.Length > word.Length && (run[word.Length] is '-' or ' ' || char.IsAsciiDigit(run[word.Length])))
                || (before.EndsWith(word, StringComparison.OrdinalIgnoreCase) && (before.Length == word.Length || !char.IsLetter(before[^(word.Length + 1)]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A token opening with a modulus word and a dash ("Modulo-97-Regel", "mod-11"): whether the rest is a number and the words it
    /// counts; null when it opens otherwise.
    /// </summary>
    private static bool? ModulusCompound(ReadOnlySpan<char> token)
    {
        foreach (var word in ModulusWords)
        {
            if (token.Length > word.Length + 1 && token.StartsWith(word, StringComparison.OrdinalIgnoreCase) && token[word.Length] == '-')
            {
                var rest = token[(word.Length + 1)..];
                return rest.IndexOfAnyExceptInRange('0', '9') < 0 || NumberedCompound(rest);
            }
        }

        return null;
    }

    // The word for "now" after a copula, in the corpus languages ("is now", "ist jetzt", "es ahora", "est maintenant", "is nu").
    private static readonly string[] NowWords = ["now", "jetzt", "nun", "ahora", "maintenant", "agora", "adesso", "ora", "nu", "teraz", "теперь", "şimdi", "nyt", "nå"];

    /// <summary>A passphrase's plain word: letters only, ASCII or accented ("vélo", "Straße"), not a CJK or Hangul one.</summary>
    private static bool PlainWord(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (!char.IsLetter(c) || IsCjk(c))
            {
                return false;
            }
        }

        return true;
    }

    // What points the next sentence's value back at the id named before ("Der alte hat die Nummer …", "El suyo es …", "Quella vecchia
    // ha il numero …", "O antigo tinha o número …"): a number's word, or a copula.
    private static readonly string[] BackReferences =
    [
        "nummer", "number", "numero", "número", "numéro", "numer", "номер", " is ", " es ", " ist ", " est ", " è ", " é ", "c'est ", " lautet ",
        " era ", " war ", " was ", " jest ", " är ",
        // Probe 52: the number's word in Czech, Hungarian and Turkish ("Číslo bylo EF 418832", "a száma PA1284471").
        "číslo", "száma", "numara",
    ];

    // The copulas between a number's word and its value ("numero on 77304418", "El número era E321…", "Číslo bylo EF 418832"; probe 52).
    private static readonly string[] Copulas =
        ["is", "was", "es", "era", "ist", "war", "est", "était", "è", "é", "on", "oli", "er", "var", "är", "jest", "był", "była", "bylo", "byl", "je", "lautet", "to", "это", "был"];

    // An id's value after the copula, up to its sentence's end ("EF 418832", "PA1284471").
    private static bool CopulaValue(ReadOnlySpan<char> value)
    {
        var stop = value.IndexOfAny(".!?\n");
        return !value.IsEmpty && (IdShaped(value) || DigitValue(stop < 0 ? value : value[..stop], minChars: 5));
    }

    // The value after a copula that follows a number's word, or nothing.
    private static ReadOnlySpan<char> PastCopula(ReadOnlySpan<char> after)
    {
        var rest = after.TrimStart(" \t");
        var space = rest.IndexOf(' ');
        if (space <= 0)
        {
            return [];
        }

        foreach (var copula in Copulas)
        {
            if (rest[..space].Equals(copula, StringComparison.OrdinalIgnoreCase))
            {
                return rest[(space + 1)..].TrimStart(" \t:");
            }
        }

        return [];
    }

    /// <summary>
    /// An id's value in the sentence after its noun's, pointed back at it (<c>Kinderreisepass. Sein alter hat die Nummer F7K2L9M41</c>,
    /// <c>… de la Seguridad Social. El mío es 28/1234567/40</c>): a number's word or a copula in the next sentence's first 40 characters,
    /// then an id's shape (<see cref="IdShaped"/>), or a few words on in brackets or after a colon (<see cref="HandedInBrackets"/>). A
    /// public number's word before it (an office's phone, a ticket) keeps it public.
    /// </summary>
    private static bool IdInNextSentence(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..Math.Min(text.Length, from + 90)].TrimStart(" \t");
        var head = next[..Math.Min(next.Length, 40)];
        foreach (var word in BackReferences)
        {
            var hit = head.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit < 0 || (word[0] != ' ' && ((hit > 0 && char.IsLetter(head[hit - 1])) || (hit + word.Length < head.Length && char.IsLetter(head[hit + word.Length])))))
            {
                continue;
            }

            if (NamedPublic(next[..hit], anywhere: true))
            {
                continue;
            }

            var after = next[(hit + word.Length)..];
            if (IdShaped(after.TrimStart(" \t:(")) || (word[0] != ' ' && (CopulaValue(PastCopula(after)) || HandedInBrackets(after))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The number's word in the next sentence hands the value over a few words on, in brackets or after a colon ("I sent the number
    /// already (533219874, …)", "Die Nummer habe ich ihm schon geschickt (C4J7R2X19)", "Il numero gliel'ho già dato: YB4829173"; probe
    /// 45): at most six words, none naming a public number ("the number of the flight: AF1148"), then an id's shape.
    /// </summary>
    private static bool HandedInBrackets(ReadOnlySpan<char> after)
    {
        var head = after[..Math.Min(after.Length, 56)];
        var mark = head.IndexOfAny('(', ':');
        if (mark < 0 || head[..mark].IndexOfAny(".!?;") >= 0 || Words(head[..mark]) > 6 || NamedPublic(head[..mark], anywhere: true))
        {
            return false;
        }

        return IdShaped(after[(mark + 1)..].TrimStart(" \t"));
    }

    /// <summary>
    /// An id's shape at the start of <paramref name="value"/>: 6–24 capitals and digits, a digit or a capital first, single '/', '-', '.' or
    /// ' ' between groups, five digits or more, then the clause's end. Not a date, a phone number's print groups or a counting run.
    /// </summary>
    private static bool IdShaped(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || !(char.IsAsciiDigit(value[0]) || char.IsAsciiLetterUpper(value[0])))
        {
            return false;
        }

        int end = 0, chars = 0, digits = 0;
        while (end < value.Length)
        {
            var c = value[end];
            if (char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c))
            {
                chars++;
                digits += char.IsAsciiDigit(c) ? 1 : 0;
            }
            else if (!(c is '/' or '-' or '.' or ' ' && end + 1 < value.Length && char.IsAsciiDigit(value[end + 1]) && end > 0 && char.IsAsciiDigit(value[end - 1])))
            {
                break;
            }

            end++;
        }

        var run = value[..end];
        var tail = value[end..].TrimStart(" \t");
        return chars is >= 6 and <= 24 && digits >= 5 && (tail.IsEmpty || !char.IsLetterOrDigit(tail[0]) || char.IsLower(tail[0]))
            && !Date(run) && !PhoneGroups(run) && !SensitiveScanner.RangeOrCounting(run) && !(run[0] is '0' or '+' && run.Contains(' '));
    }

    // Words that say the next sentence's value is the real one, after a hint or an old one ("the actual one is …", "das echte ist …").
    private static readonly string[] RealOneWords =
    [
        "actual", "real", "correct", "right", "new", "current", "echte", "richtige", "neue", "aktuelle", "verdadera", "verdadero", "nueva", "nuevo",
        "actual", "correcta", "vrai", "vraie", "nouveau", "nouvelle", "vero", "vera", "nuovo", "nuova", "nieuwe", "juiste", "echte", "verdadeira", "nova",
    ];

    /// <summary>
    /// A chosen password in the sentence or line after its noun's, told as the real one (<c>… the dog's name then the year\nhaha no
    /// the actual thing is Pickle2017</c>, <c>Das echte ist Gartenzwerg42</c>): a word of <see cref="RealOneWords"/> in the first 32
    /// characters, a copula after it, then a token of letters and digits (<see cref="StrongChosen"/>).
    /// </summary>
    private static bool RealOneInNextSentence(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..Math.Min(text.Length, from + 80)].TrimStart(" \t\r\n");
        var head = next[..Math.Min(next.Length, 32)];
        foreach (var word in RealOneWords)
        {
            var hit = head.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (hit < 0 || (hit > 0 && char.IsLetter(head[hit - 1])) || (hit + word.Length < head.Length && char.IsLetter(head[hit + word.Length]) && !char.IsLower(head[hit + word.Length])))
            {
                continue;
            }

            var after = next[(hit + word.Length)..];
            foreach (var list in (ReadOnlySpan<string[]>)[AgainConnectors, Contractions])
            {
                foreach (var connector in list)
                {
                    var at = after.IndexOf(connector, StringComparison.OrdinalIgnoreCase);
                    if (at is >= 0 and <= 12)
                    {
                        var value = after[(at + connector.Length)..].TrimStart(" \t");
                        if (!value.IsEmpty && char.IsLetterOrDigit(value[0]) && StrongChosen(value) && !ProductVersion(value[..LengthOfToken(value)]))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A chosen password that opens the sentence after its noun's (<c>Wi-Fiのパスワード何回も聞かないで。aterm-7f21c8-g / … だよ</c>,
    /// <c>와이파이 비밀번호 또 물어보지 마. kt9GiGa4821 이거야</c>): eight characters or more of letters and digits, two digits at least,
    /// ended by a space, a slash, a CJK word or the text's end. A version, a model or a path has a dot, a slash or no digit pair.
    /// </summary>
    private static bool ChosenOpensNextSentence(ReadOnlySpan<char> text, int from)
    {
        var next = text[from..Math.Min(text.Length, from + 60)].TrimStart(" 　\t");
        var length = LengthOfToken(next);
        if (length < 8 || !char.IsAsciiLetterOrDigit(next[0]))
        {
            return false;
        }

        var token = next[..length];
        var rest = next[length..].TrimStart(" ");
        var letters = 0;
        foreach (var c in token)
        {
            letters += char.IsAsciiLetter(c) ? 1 : 0;
        }

        return letters >= 3 && StrongChosen(token) && (rest.IsEmpty || rest[0] is '/' or '。' or '、' || IsCjk(rest[0]))
            && !BareTokenIsProduct(token);
    }

    // The length of the token at the start: ASCII letters, digits and the joins a chosen password holds.
    private static int LengthOfToken(ReadOnlySpan<char> value)
    {
        var end = 0;
        while (end < value.Length && (char.IsAsciiLetterOrDigit(value[end]) || value[end] is '-' or '_' or '!' or '#' or '*'))
        {
            end++;
        }

        return end;
    }

    // A key's short nouns on a chat's answer line after the network's name ("network X, password Y", "SSID X, pass Y", "rete X, password Y").
    private static readonly string[] AnswerKeyNouns =
    [
        "password", "pass", "pw", "key", "clave", "contraseña", "clé", "mdp", "mot de passe", "schlüssel", "passwort", "kennwort", "senha", "chave",
        "wachtwoord", "hasło", "haslo", "пароль", "ключ", "şifre", "lösenord", "parola",
    ];

    /// <summary>
    /// A chat's answer to a Wi-Fi question that names the network and then its key (<c>Leo: network GuestHouse-5G, key purpleoctopus</c>):
    /// on the answer's first line, a network's noun and a name, a comma or a slash, a key's noun and one plain word of six letters or
    /// more (or a chosen token) that ends the line or its clause. "password is on the fridge", "Schlüssel steht auf der Karte" go on.
    /// </summary>
    private static bool KeyAfterNetwork(ReadOnlySpan<char> next)
    {
        var line = LineFrom(next, 0, 100);
        var network = NetworkNounAt(line);
        var separator = network < 0 ? -1 : line[network..].IndexOfAny(",/;");
        if (separator < 0)
        {
            return false;
        }

        var rest = line[(network + separator + 1)..].TrimStart(" \t");
        foreach (var noun in AnswerKeyNouns)
        {
            if (!rest.StartsWith(noun, StringComparison.OrdinalIgnoreCase) || rest.Length <= noun.Length || rest[noun.Length] is not (' ' or ':'))
            {
                continue;
            }

            var value = rest[(noun.Length + 1)..].TrimStart(" :\t");
            var length = 0;
            while (length < value.Length && !char.IsWhiteSpace(value[length]) && value[length] is not (',' or ';'))
            {
                length++;
            }

            var token = value[..length].TrimEnd(".!");
            var after = value[length..].TrimStart(" \t");
            var closes = after.IsEmpty || after[0] is ',' or ';' or '.' || StartsWithConjunction(after);
            var word = token.Length >= 6 && PlainWord(token) && char.IsLower(token[0]) && !Listed(token) && !NotPassphraseWords.Contains(token);
            return closes && (word || (!token.IsEmpty && StrongChosen(token)));
        }

        return false;
    }

    /// <summary>Where the first of <see cref="NetworkNouns"/> starts a word on <paramref name="line"/> ("network X", "SSID X", "Netz X"); -1 if none.</summary>
    private static int NetworkNounAt(ReadOnlySpan<char> line)
    {
        var network = -1;
        foreach (var noun in NetworkNouns)
        {
            var hit = line.IndexOf(noun, StringComparison.OrdinalIgnoreCase);
            if (hit >= 0 && (hit == 0 || !char.IsLetter(line[hit - 1])) && (hit + noun.Length == line.Length || line[hit + noun.Length] is ' ' or ':')
                && (network < 0 || hit < network))
            {
                network = hit;
            }
        }

        return network;
    }
}
