namespace Majordomo.Classification;

/// <summary>
/// Private and family life (after the probe <c>sensitive-lookalikes-48</c>, docs/CLASSIFIER.md "Probe 48 read by category"): a vetting
/// certificate's number (DBS, PVG), a savings bank's holder's number, an insurance or pension contract's number by the contract's noun
/// when an insurance word stands near ("contrat obsèques … contrat n° OB-2214-88631", "Sterbegeldversicherung … Vertrag Nr."), a Turkish
/// number before "numaralı … poliçe", a Swedish id's inflected noun ("personnumren, mitt är …"), a code with a letter after its digits
/// ("c'est 1952B"), a lock's guest slot left on zeros, seed words quoted before the wallet's name ("'orbit canvas …' and 'Ledger'
/// underneath"), a bank account counting up beside its clearing number or sort code. Not values: an animal's patient number or passport
/// (a vet's, a pet's), a contract's number with no insurance near it, a value the sentence calls the documentation's or a tutorial's
/// example, a boarding or travel pass, a Pix key in a sentence that names Pix.
/// </summary>
internal static partial class SecretPhrases
{
    // An insurance or a pension contract by the contract's noun: an insurance policy's number however it is named (docs/LABELLING.md),
    // read only with an insurance word near it (FamilyNotValue), since a phone's or an energy contract's number is a customer number.
    // In a class of its own: Phrases reads it while SecretPhrases' fields initialise (in an order C# leaves open).
    private static class FamilyWords
    {
        internal static readonly string[] Contracts =
            ["contrat", "contrato", "contratto", "contract", "vertrag", "umowy", "umowa", "posizione", "sözleşme", "contractnummer"];
    }

    // ContractNoun is asked at every phrase hit that reaches the value checks (twice: FamilyValue, FamilyNotValue), most of them "key"
    // or "token" in code: a lookup of the first characters turns those away before ten string compares. A class of its own: its table
    // reads the prefilter's folds, whose table reads Phrases, which FamilyWords helps build.
    private static class ContractGate
    {
        internal static readonly WordStarts Starts = new(FamilyWords.Contracts);
    }

    // Words that make a contract an insurance's or a pension's (stems; "assur" takes assurance, assureur, assuré).
    private static readonly string[] InsuranceStems =
    [
        "insur", "assur", "prévoyance", "obsèques", "mutuelle", "versicher", "sterbegeld", "polis", "ubezpiecz", "seguro", "decesos",
        "assicura", "fondo pensione", "previdenza", "verzeker", "uitvaart", "sigorta", "poliçe", "pension", "rente", "funeral plan", "life cover",
    ];

    // Numbers a government or a bank keeps for one person by nouns the other lists lacked: a vetting certificate's (England's DBS,
    // Scotland's PVG), a savings bank's holder's number (NS&I's Premium Bonds), a Swedish personnummer inflected ("personnumret",
    // "personnumren"), a smart lock's guest slot.
    private static string[] FamilyIdNouns =>
    [
        "dbs", "dbs cert", "dbs certificate", "dbs number", "pvg", "pvg number", "disclosure number", "holder's number", "holder’s number",
        "holder number", "holders number", "personnumr", "guest slot", "guest code", "user slot", "code slot",
    ];

    // Combination locks by the Dutch and German compounds the lock lists lacked ("Het cijferslot … staat nog steeds op 0000").
    private static string[] FamilyLockNouns => ["cijferslot", "codeslot", "combinatieslot", "nummernschloss", "codeschloss"];

    // Appended to Phrases (a method: the partial files' fields initialise in an order C# leaves open); "numaralı" reads its value before it.
    private static (string Phrase, Want Want)[] FamilyPhrases() =>
        [.. FamilyIdNouns.Select(noun => (noun, Want.Digits)), .. FamilyWords.Contracts.Select(noun => (noun, Want.Digits)), ("numaralı", Want.Digits),
        .. FamilyLockNouns.Select(noun => (noun, Want.Lock)),
        ("ledger", Want.Seed), ("trezor", Want.Seed), ("metamask", Want.Seed), ("exodus", Want.Seed), ("electrum", Want.Seed)];

    /// <summary>The values <see cref="ValueAfter"/> adds for this theme (the noun <paramref name="phrase"/> at <paramref name="at"/>..<paramref name="end"/>).</summary>
    private static bool FamilyValue(ReadOnlySpan<char> text, int at, int end, string phrase, Want want) =>
        (want == Want.Seed && SeedQuotedBefore(text, at))
        || (phrase == "numaralı" && NumberBeforeNumbered(text, at))
        || (ContractNoun(phrase) && ContractNumberAfter(text, end))
        || (want is Want.Digits or Want.Lock && (CodeWithLetter(text, end) || SlotLeftOnZeros(text, at, end, phrase) || CountingAccountBesideBank(text, at, end, phrase)));

    /// <summary>The guards <see cref="NotAValue"/> adds for this theme.</summary>
    private static bool FamilyNotValue(ReadOnlySpan<char> text, int at, int end, string phrase) =>
        (phrase == "numaralı" && !NumberBeforeNumbered(text, at))
        || (ContractNoun(phrase) && !ContainsStem(text[Math.Max(0, at - 120)..Math.Min(text.Length, end + 80)], InsuranceStems))
        || AnimalsRecord(text, at, phrase) || CountingPlaceholder(text, at, end) || PassOfTravel(text, at, phrase) || PixKeyNamed(text, at, end, phrase)
        || ExampleValueAfter(text, end);

    // "contrat prévoyance décès n° PV-88410-213", "Vertrag Nr. 77-412-0938": up to five words, a number's mark and the value.
    private static bool ContractNumberAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 64)];
        var stop = window.IndexOfAny("\n\r?!;");
        window = stop >= 0 ? window[..stop] : window;
        return MarkAfterWords(window, out var valueAt) >= 0 && MarkedValue(window[valueAt..]);
    }

    internal static bool ContractNoun(string phrase) => ContractGate.Starts.MayStart(phrase) && Array.IndexOf(FamilyWords.Contracts, phrase) >= 0;

    // A record's nouns (a patient's, a file's, a client's, a chip's, a number's): an id noun or an account's is no animal's record.
    private static readonly string[] RecordStems =
        ["patient", "patiënt", "dossier", "record", "file", "chip", "client", "cliënt", "kund", "n°", "nº", "number", "numéro", "numero", "número", "nummer"];

    // What names the record an animal's: the vet, the species, a pet's words in the corpus languages.
    private static readonly string[] AnimalWords =
    [
        "vet", "vet's", "veterinar", "vétérinaire", "tierarzt", "tierärzt", "dierenarts", "veterinario", "veterinário", "weterynarz", "veteriner",
        "feline", "canine", "equine", "cat", "dog", "puppy", "kitten", "rabbit", "pet", "pet's", "chien", "chienne", "lapin", "katze", "kater", "hund",
        "kaninchen", "kat", "hond", "konijn", "gato", "perro", "coelho", "cão", "gatto", "cane", "coniglio", "kot", "pies", "królik", "kedi", "köpek",
        "katt", "kanin", "кот", "кіт", "動物病院", "獣医", "宠物", "兽医", "동물병원",
    ];

    // An animal's record: a patient's or a file's noun after an animal's word in the 160 characters before it (its discharge sheet, its clinic's
    // app), or a passport's noun right after "pet" ("Pet passport page: Microchip …"). A pet's number identifies an animal, not a person
    // (docs/LABELLING.md); a person's hospital number names no animal, and a pet's insurance policy is its holder's.
    private static bool AnimalsRecord(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (phrase.StartsWith("passport", StringComparison.Ordinal))
        {
            var before = text[Math.Max(0, at - 10)..at].TrimEnd(' ');
            return before.EndsWith("pet", StringComparison.OrdinalIgnoreCase) || before.EndsWith("pet's", StringComparison.OrdinalIgnoreCase)
                || before.EndsWith("dog's", StringComparison.OrdinalIgnoreCase) || before.EndsWith("cat's", StringComparison.OrdinalIgnoreCase);
        }

        if (!ContainsStem(phrase, RecordStems) || ContainsStem(phrase, InsuranceStems))
        {
            return false;
        }

        var window = text[Math.Max(0, at - 160)..at];
        return WholeWordsIn(window, AnimalWords) || ContainsStem(window, ["veterinar", "vétérinaire", "tierarzt", "dierenarts", "weterynarz", "veteriner", "кошк", "собак", "ветеринар"]);
    }

    // A boarding, bus, day, season or ski pass is a ticket: its barcode's text is no password (docs/LABELLING.md, a boarding pass).
    private static bool PassOfTravel(ReadOnlySpan<char> text, int at, string phrase)
    {
        if (phrase != "pass")
        {
            return false;
        }

        var before = text[Math.Max(0, at - 12)..at].TrimEnd(' ');
        foreach (var kind in (ReadOnlySpan<string>)["boarding", "bus", "day", "season", "ski", "travel", "rail", "train", "museum", "festival"])
        {
            if (before.EndsWith(kind, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // "a chave aleatória do Pix no convite: 7f3c2a91-…": a Pix key named in the key's sentence is an address for receiving money, public
    // by intent, when it is a random key (a UUID) — a CPF as the key stays a CPF (docs/LABELLING.md, payment aliases).
    private static bool PixKeyNamed(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        if (phrase != "chave")
        {
            return false;
        }

        var sentence = text[Math.Max(0, at - 80)..Math.Min(text.Length, end + 120)];
        if (!sentence.Contains("pix", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var after = text[end..Math.Min(text.Length, end + 120)];
        var dash = after.IndexOf('-');
        return dash >= 8 && after.Length >= dash + 28 && Uuid(after[(dash - 8)..(dash + 28)]);
    }

    // Names a value the documentation's or a tutorial's example, said right before it in its clause ("usa el ejemplo típico 12345678Z")
    // or after it ("… que aparece em todo tutorial").
    private static readonly string[] ExampleTailWords =
    [
        "tutorial", "tutoriais", "tutoriales", "tutoriel", "tutoriels", "tutorials", "documentation", "documentação", "documentación", "dokumentation",
        "documentazione", "doku", "docs", "wikipedia", "wikipédia",
    ];

    /// <summary>
    /// The first value after the noun ending at <paramref name="end"/> (in the 90 characters after it) is called an example in its clause: an
    /// example's word in the 40 characters before it, or a tutorial's or the documentation's word after it (a documented example named as
    /// such, docs/LABELLING.md).
    /// </summary>
    private static bool ExampleValueAfter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 90)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit < 0)
        {
            return false;
        }

        var start = end + digit;
        while (start > end && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        return SensitiveScanner.ShownAsExample(text, start) || ExampleNamedAfter(text, start);
    }

    private static readonly string[] ExampleSaidWords =
        ["example", "ejemplo", "exemplo", "esempio", "exemple", "beispiel", "beispielnummer", "voorbeeld", "przykład", "пример", "örnek", "exempel"];

    /// <summary>
    /// An example's word in the clause before the value at <paramref name="start"/> ("usa el ejemplo típico 12345678Z"), not one inside a
    /// domain or a path ("w.achebe@mail.example", "/examples/"): the sentence calls the value an example.
    /// </summary>
    internal static bool ExampleSaidBefore(ReadOnlySpan<char> text, int start)
    {
        var from = Math.Max(0, start - 48);
        from += text[from..start].LastIndexOfAny(".!?;\n\r") + 1;
        var before = text[from..start];
        foreach (var word in ExampleSaidWords)
        {
            foreach (var k in Occurrences(before, word))
            {
                var end = k + word.Length;
                if ((from + k == 0 || text[from + k - 1] is ' ' or '(' or '\'' or '"') && (end == before.Length || !char.IsLetter(before[end])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A tutorial's or the documentation's word in the clause after the value starting at <paramref name="start"/>.</summary>
    internal static bool ExampleNamedAfter(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-' or '/' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])))
        {
            end++;
        }

        var after = text[end..Math.Min(text.Length, end + 60)];
        var close = after.IndexOfAny(".,!?;\n");
        after = close < 0 ? after : after[..close];
        return ContainsAny(after, ExampleTailWords);
    }

    // "'orbit canvas lunar … quantum' and 'Ledger' written underneath. Is this his crypto wallet recovery?": twelve seed words or more
    // opened by a quote in the 240 characters before a wallet's or a recovery's word (the wallet named after its words).
    private static bool SeedQuotedBefore(ReadOnlySpan<char> text, int at)
    {
        var from = Math.Max(0, at - 240);
        var window = text[from..at];
        for (var i = 1; i < window.Length; i++)
        {
            var open = window[i - 1] is '\'' or '"' or '«' or '“' or '‘' or '„' || (window[i - 1] == ' ' && i > 1 && window[i - 2] == '«');
            if (open && SeedLetter(window[i]) && SeedRun(text[(from + i)..]) >= 12)
            {
                return true;
            }
        }

        return false;
    }

    // Turkish puts the number before its noun: "2026/PS/448129 numaralı evcil hayvan sağlık poliçeniz", "448213/2025 numaralı hayat
    // sigortası poliçesi". A value of six characters or more with four digits right before "numaralı", and an insurance's, an account's
    // or an id's noun in the 60 characters after it (an order's or a ticket's "numaralı sipariş" is a reference).
    private static readonly string[] NumberedNouns = ["poliçe", "police", "sigorta", "hesab", "hesap", "kimlik", "pasaport", "ehliyet", "sözleşme", "sicil"];

    private static bool NumberBeforeNumbered(ReadOnlySpan<char> text, int at)
    {
        var before = text[..at].TrimEnd(' ');
        var start = before.Length;
        while (start > 0 && (char.IsAsciiLetterOrDigit(before[start - 1]) || before[start - 1] is '/' or '-' or '.'))
        {
            start--;
        }

        var value = before[start..];
        if (value.Length < 6 || value.Count('0') + value.Count('1') + value.Count('2') + value.Count('3') + value.Count('4') + value.Count('5')
            + value.Count('6') + value.Count('7') + value.Count('8') + value.Count('9') < 4)
        {
            return false;
        }

        var after = text[(at + "numaralı".Length)..Math.Min(text.Length, at + 70)];
        return WordIn(after, NumberedNouns);
    }

    // "le code du portail … c'est 1952B": three to six digits and one capital letter after a connector in the noun's sentence (a
    // building's door code often ends in a letter; a year alone after "in" stays the noun's other guards').
    private static bool CodeWithLetter(ReadOnlySpan<char> text, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 60)];
        window = window[..SentenceEnd(window)];
        foreach (var connector in (ReadOnlySpan<string>)["c'est ", "c’est ", " is ", " ist ", " es ", " är ", " è ", " é ", ": "])
        {
            var hit = window.IndexOf(connector, StringComparison.OrdinalIgnoreCase);
            if (hit < 0)
            {
                continue;
            }

            var value = window[(hit + connector.Length)..];
            var digits = value.IndexOfAnyExceptInRange('0', '9');
            if (digits is >= 3 and <= 6 && char.IsAsciiLetterUpper(value[digits]) && (digits + 1 == value.Length || !char.IsLetterOrDigit(value[digits + 1])))
            {
                return true;
            }
        }

        return false;
    }

    // "The smart lock's guest slot … is still set to 000000": a lock's slot or guest code left on zeros is the code someone really uses
    // (docs/LABELLING.md, a weak code really used); the zeros' guard reads a form's blank there.
    private static bool SlotLeftOnZeros(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        if (phrase is not ("guest slot" or "guest code" or "user slot" or "code slot"))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 90)];
        window = window[..SentenceEnd(window)];
        var set = window.IndexOf("set to ", StringComparison.OrdinalIgnoreCase);
        return set >= 0 && window[(set + 7)..].StartsWith("0000", StringComparison.Ordinal) && !ContainsStem(text[Math.Max(0, at - 80)..Math.Min(text.Length, end + 90)], PlaceholderWords);
    }

    // "In our form's placeholder text I wrote 'Sort code: 12-34-56, Account: 12345678'": a value counting up right after the noun, in a
    // sentence that names a placeholder, an example or a test (the twin of OwnCountingValue: no one's number).
    private static bool CountingPlaceholder(ReadOnlySpan<char> text, int at, int end)
    {
        var window = text[end..Math.Min(text.Length, end + 24)];
        var digit = window.IndexOfAnyInRange('0', '9');
        return digit >= 0 && window[..digit].Trim(" :=#'\"").IsEmpty && CountingPlaceholderAt(text, end + digit, at);
    }

    /// <summary>
    /// The digits at <paramref name="start"/> count up for six or more (groups joined by a space or a dash) and the 120 characters before
    /// <paramref name="from"/> name a placeholder, an example or a test: a form's illustration.
    /// </summary>
    internal static bool CountingPlaceholderAt(ReadOnlySpan<char> text, int start, int from)
    {
        var length = start;
        while (length < text.Length && length - start < 24 && (char.IsAsciiDigit(text[length]) || (text[length] is ' ' or '-' && length + 1 < text.Length && char.IsAsciiDigit(text[length + 1]))))
        {
            length++;
        }

        return length - start >= 6 && SensitiveScanner.RangeOrCounting(text[start..length])
            && ContainsStem(text[Math.Max(0, Math.Min(from, start) - 120)..Math.Min(text.Length, length + 40)], PlaceholderWords);
    }

    /// <summary>
    /// An IBAN at <paramref name="start"/> whose digits count up ("DE12 3456 7890 1234 5678 90") in a sentence that names an example or a
    /// placeholder ("Erklär es an einem Beispiel wie …"): a format's illustration, no one's account.
    /// </summary>
    internal static bool CountingIbanExample(ReadOnlySpan<char> text, int start)
    {
        int run = 0, longest = 0, last = -2;
        for (var i = start + 2; i < text.Length && i < start + 42 && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == ' '); i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                continue;
            }

            var d = text[i] - '0';
            run = d == (last + 1) % 10 ? run + 1 : 1;
            longest = Math.Max(longest, run);
            last = d;
        }

        if (longest < 8)
        {
            return false;
        }

        var before = text[Math.Max(0, start - 80)..start];
        before = before[(before.LastIndexOfAny(".!?\n") + 1)..];
        return ContainsStem(before, ExampleIbanWords) || ContainsStem(before, PlaceholderWords);
    }

    // A bank's clearing number or sort code beside the account (Swedish "clearingnummer 6789, kontonummer 123 456 789"): an account
    // written in full whose digits count up is still someone's (docs/LABELLING.md: recall first), unless its sentence names an example.
    private static readonly string[] BranchNouns = ["clearing", "sort code", "bankleitzahl", "blz", "bsb", "routing"];

    private static bool CountingAccountBesideBank(ReadOnlySpan<char> text, int at, int end, string phrase)
    {
        if (phrase is not ("kontonummer" or "konto" or "account" or "account number" or "account no" or "acct"))
        {
            return false;
        }

        var window = text[end..Math.Min(text.Length, end + 40)];
        window = window[..SentenceEnd(window)];
        var digit = window.IndexOfAnyInRange('0', '9');
        if (digit is < 0 or > 4)
        {
            return false;
        }

        var length = digit;
        while (length < window.Length && (char.IsAsciiDigit(window[length]) || (window[length] is ' ' or '-' && length + 1 < window.Length && char.IsAsciiDigit(window[length + 1]))))
        {
            length++;
        }

        var sentence = text[Math.Max(0, at - 60)..Math.Min(text.Length, end + 60)];
        return length - digit >= 8 && SensitiveScanner.RangeOrCounting(window[digit..length]) && ContainsStem(text[Math.Max(0, at - 60)..at], BranchNouns)
            && !ContainsStem(sentence, PlaceholderWords);
    }
}
