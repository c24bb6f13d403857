using System.Collections.Frozen;
using Majordomo.Chat;
using Majordomo.Config;

namespace Majordomo.Classification;

/// <summary>
/// The default Tier 2 classifier (SPEC §1.3): deterministic, allocation-light scoring over features
/// of the request. One pass over the words of the last user message (capped: its head and tail,
/// where instructions sit) looks each word and each word pair up in a frozen cue table; symbol
/// counts measure code and math syntax; the message structure, tools, media and output format add
/// to it. The task with the highest score wins when it is clear enough, else the request is a
/// conversation; complexity sums the task's base level with hardness cues, steps, length and agentic
/// depth. <c>sensitive</c> scans every system, user and tool-result text in full (recall is the bar).
/// </summary>
internal static class HeuristicClassifier
{
    /// <summary>Characters of the last user message read from its start; the rest is sampled from its end.</summary>
    public const int HeadChars = 3000;

    /// <summary>Characters read from the end of a message longer than <see cref="HeadChars"/> + this.</summary>
    public const int TailChars = 1000;

    // Cues in the first or last line of a message are the instruction; cues elsewhere are usually
    // pasted material (an article that says "prove" is not a request for a proof). A long line is
    // material too: only its first or last characters count as the instruction.
    private const int InstructionLine = 400;
    private const int LongLineZone = 200;

    /// <summary>What a cue outside the instruction zone counts for, against 1 inside it.</summary>
    private const double BodyWeight = 0.3;

    /// <summary>The score a task needs to win over plain conversation.</summary>
    private const double TaskThreshold = 1.2;

    // Each scored task in FeatureScores order, with its base complexity (0 simple, 1 medium, 2 complex).
    private static readonly (string Name, double Base)[] Tasks =
    [
        ("coding", 1.15), ("math", 1.1), ("reasoning", 1.5), ("summarization", 1.0), ("extraction", 0.9),
        ("creative", 1.0), ("research", 1.4), ("translation", 0.7), ("conversation", 0.0),
    ];

    private static readonly FrozenDictionary<string, Cue> Cues = Cue.Table();
    private static readonly FrozenDictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> CueLookup = Cues.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The built-in classifier: the cue scorer below, refined by the trained model shipped in the executable
    /// (<see cref="LearnedModel"/>; docs/CLASSIFIER.md has the measurements behind that choice).
    /// </summary>
    public static Classification Classify(PromptView prompt)
    {
        var cues = ClassifyWithCues(prompt);
        // A known agent's turn goes through the model too: its features already leave the agent's system prompt
        // and tools out (SPEC §1.10), and on corpus/dev it beats the cue scorer on those turns (CLASSIFIER.md).
        return LearnedModel.Shipped is { } model ? model.Apply(prompt, cues) : cues;
    }

    /// <summary>The hand-written cue tables alone (the classifier before the trained model; a feature source for it).</summary>
    public static Classification ClassifyWithCues(PromptView prompt)
    {
        var scores = new FeatureScores();
        var text = prompt.LastUserChars;
        var state = new ScanState();
        Span<double> instruction = stackalloc double[FeatureScores.Conversation + 1];
        instruction.Clear();
        var zones = Zones(text);

        if (text.Length <= HeadChars + TailChars)
        {
            ScanWords(text, 0, zones, ref state, scores, instruction);
        }
        else
        {
            ScanWords(text[..HeadChars], 0, zones, ref state, scores, instruction);
            ScanWords(text[^TailChars..], text.Length - TailChars, zones, ref state, scores, instruction);
        }

        // The system prompt sets the scene ("You are a coding agent") but weighs less than the ask. A known
        // agent's prompt describes the agent, not the task (SPEC §1.10): it sets no scene.
        var system = prompt.Agent is null ? prompt.SystemChars : default;
        if (!system.IsEmpty)
        {
            var systemState = new ScanState();
            var systemScores = new FeatureScores();
            Span<double> ignored = stackalloc double[FeatureScores.Conversation + 1];
            ScanWords(system[..Math.Min(system.Length, 1500)], 0, (int.MaxValue, int.MaxValue), ref systemState, systemScores, ignored);
            for (var t = 0; t <= FeatureScores.Conversation; t++)
            {
                scores[t] += 0.25 * Math.Min(systemScores[t], 3);
            }
        }

        Structure(text, ref state, scores);
        Context(prompt, scores);
        var sensitive = Sensitive(prompt);
        scores[FeatureScores.Sensitive] = (double)sensitive;

        var task = PickTask(prompt, scores, instruction);
        var complexity = PickComplexity(prompt, task, ref state, scores);
        return new Classification(complexity, task, prompt.EstimatedPromptTokens, sensitive != SensitiveKind.None, scores);
    }

    /// <summary>Every text that will be sent upstream (the user's turns whole, the system prompt, tools' output, documents, the model's earlier turns and calls), in full, then each answer beside the question it answers.</summary>
    public static SensitiveKind Sensitive(PromptView prompt)
    {
        var kind = SensitivePrefilter.Scan(prompt.UserChars);
        if (kind == SensitiveKind.None)
        {
            kind = SensitivePrefilter.Scan(prompt.SystemChars);
        }

        if (kind == SensitiveKind.None)
        {
            kind = SensitivePrefilter.Scan(prompt.ToolResultChars);
        }

        // A contract or a tax form attached as a text document is sent like a pasted one.
        if (kind == SensitiveKind.None)
        {
            kind = SensitivePrefilter.Scan(prompt.DocumentChars);
        }

        // The model's earlier turns travel upstream again: a password it typed into a login call is in every later request.
        if (kind == SensitiveKind.None)
        {
            kind = SensitivePrefilter.Scan(prompt.AssistantChars);
        }

        // A passphrase the model made up for the user: it travels with every later turn (SensitiveScanner.Leftovers).
        if (kind == SensitiveKind.None && SensitiveScanner.ProposedPassphrase(prompt.AssistantChars))
        {
            kind = SensitiveKind.Password;
        }

        // A key file printed by the model's call, the key in the tool's result (SensitiveScanner.Leftovers).
        if (kind == SensitiveKind.None && SensitiveScanner.KeyFilePrintedApart(prompt.AssistantChars, prompt.ToolResultChars))
        {
            kind = SensitiveKind.ApiKey;
        }

        // A secret printed by the model's call ("vault kv get -field=password …"), the value in the tool's result (SensitiveScanner.WorkOutput).
        if (kind == SensitiveKind.None && SensitiveScanner.SecretPrintedApart(prompt.AssistantChars, prompt.ToolResultChars))
        {
            kind = SensitiveKind.Password;
        }

        // A value given as the answer to the model's question ("What's the code on the card?" — "4471"): each pair read alone.
        if (kind == SensitiveKind.None)
        {
            kind = Answered(prompt.AnsweredChars);
        }

        // An id a browser agent typed into a field its selector or the page's snapshot names an id's (SensitiveScanner.Healthcare).
        if (kind == SensitiveKind.None && SensitiveScanner.IdFilledIntoIdField(prompt.AssistantChars, prompt.ToolResultChars))
        {
            kind = SensitiveKind.PersonalId;
        }

        // A lock's codes in a tool's result, the lock named by the user, the system prompt or the call (SensitiveScanner.SmartHomes).
        if (kind == SensitiveKind.None && SensitiveScanner.LockCodesInResult(prompt.ToolResultChars, prompt.UserChars, prompt.SystemChars, prompt.AssistantChars))
        {
            kind = SensitiveKind.Password;
        }

        // A photo of a router's sticker or a Wi-Fi card whose key the ask names: the key is in the picture (docs/LABELLING.md).
        if (kind == SensitiveKind.None && prompt.MediaParts > 0 && SensitiveScanner.WifiKeyPhotographed(prompt.LastUserChars))
        {
            kind = SensitiveKind.Password;
        }

        // A photo whose ask reads a door's, a key box's or the Wi-Fi's code out of it (SensitiveScanner.Trips), or a letter's
        // activation or access code photographed and asked to be read out (SensitiveScanner.Schools).
        if (kind == SensitiveKind.None && prompt.MediaParts > 0
            && (SensitiveScanner.AccessCodePhotographed(prompt.LastUserChars) || SensitiveScanner.ActivationCodePhotographed(prompt.LastUserChars)))
        {
            kind = SensitiveKind.Password;
        }

        // A photo whose ask reads an account's or a card's number off it (SensitiveScanner.SupportDesk), or types a card's, a password or a
        // PIN out of it (SensitiveScanner.Finance).
        // A policy's number typed out of it (SensitiveScanner.Mobility).
        if (kind == SensitiveKind.None && prompt.MediaParts > 0 && (SensitiveScanner.AccountReadFromPhoto(prompt.LastUserChars) || SensitiveScanner.SecretTypedFromPhoto(prompt.LastUserChars)
            || SensitiveScanner.PolicyTypedFromPhoto(prompt.LastUserChars)))
        {
            kind = SensitiveKind.PersonalId;
        }

        // A photo whose ask reads a secret off it, or says the passwords in it are shown (SensitiveScanner.Phones).
        // A gift card's code or PIN read off it, a screenshot's password asked what it is (SensitiveScanner.Gaming).
        // A relative's number, a letter's password or a lock's or a token's code read off it (SensitiveScanner.FamilyLife);
        // a token, a password or a person's number read or typed off a photo or a screenshot (SensitiveScanner.Research); a key box's code
        // read off a host's screenshot (SensitiveScanner.Home).
        if (kind == SensitiveKind.None && prompt.MediaParts > 0 && (SensitiveScanner.SecretReadFromPhoto(prompt.LastUserChars)
            || SensitiveScanner.GiftCodeReadFromPhoto(prompt.LastUserChars) || SensitiveScanner.PasswordAskedOfPhoto(prompt.LastUserChars)
            || SensitiveScanner.NumberReadFromPhoto(prompt.LastUserChars)
            || SensitiveScanner.SecretReadOffImage(prompt.LastUserChars) || SensitiveScanner.KeyCodeReadFromPhoto(prompt.LastUserChars)))
        {
            kind = SensitiveKind.Password;
        }

        // A filled-in form photographed with its id and bank fields named (over every user turn: the ask often comes before "page 2"), a
        // lock's or an alarm's log photographed with its codes shown (SensitiveScanner.Households).
        if (kind == SensitiveKind.None && prompt.MediaParts > 0
            && (SensitiveScanner.FilledFormPhotographed(prompt.UserChars) || SensitiveScanner.ListedCodesPhotographed(prompt.LastUserChars)))
        {
            kind = SensitiveKind.PersonalId;
        }

        // A photo or scan of a card, an id or a statement carries the numbers the text does not show.
        // A blank template's photo ("DNI ________", a model contract) is the empty form (SensitiveScanner.Pasted).
        // A specimen's photo (ERIKA MUSTERMANN) is the issuer's sample (SensitiveScanner.Leftovers).
        // A statement whose numbers the sender blacked out carries none (SensitiveScanner.SupportDesk).
        // Spanish "tarjeta" and Portuguese "cartão" name a ticket too: read apart (SensitiveScanner.Trips).
        if (kind == SensitiveKind.None && prompt.MediaParts > 0 && (SensitiveScanner.NamedOutsideRows(prompt.LastUserChars, PersonalDocuments) || SensitiveScanner.BareCardNamed(prompt.LastUserChars)
                || SensitiveScanner.DocumentAcronymNamed(prompt.LastUserChars))
            && !SensitiveScanner.BlankTemplate(prompt.LastUserChars) && !SensitiveScanner.BlankFormPhoto(prompt.LastUserChars)
            && !SensitiveScanner.SpecimenNamed(prompt.LastUserChars) && !SensitiveScanner.NumbersMaskedInPhoto(prompt.LastUserChars))
        {
            kind = SensitiveKind.PersonalId;
        }

        return kind;
    }

    private static SensitiveKind Answered(ReadOnlySpan<char> pairs)
    {
        foreach (var range in pairs.Split(PromptView.PairSeparator))
        {
            var kind = SensitivePrefilter.Scan(pairs[range]);
            if (kind != SensitiveKind.None)
            {
                return kind;
            }
        }

        return SensitiveKind.None;
    }

    private static readonly string[] PersonalDocuments =
    [
        "bank card", "credit card", "debit card", "my card", "id card", "identity card", "passport", "driver's licen", "driving licen",
        "statement", "payslip", "pay slip", "tax return", "prescription", "insurance card", "health card", "residence permit",
        "carte bancaire", "carte d'identité", "mi dni", "el dni", "del dni", "tu dni", "su dni",
        // Spanish words beside a lower-case "dni" too ("foto de dni de mi madre", "foto dni por las dos caras"; sensitive-categories-131);
        // Polish "dni" (days) stands beside none of them.
        "de dni", "un dni", "foto dni", "dni por", "dni y ", "dni de ", "dni del", "dni en ", "dni con", "ausweis", "kreditkarte", "reisepass", "carta d'identità",
        // The same documents in the other corpus languages (after the fresh file sensitive-categories-18).
        "passaporte", "pasaporte", "passeport", "passaporto", "paszport", "paspoort", "паспорт", "pasaport", "护照", "パスポート", "여권",
        "führerschein", "rijbewijs", "permis de conduire", "prawo jazdy", "водительск", "ehliyet", "運転免許", "驾驶证", "운전면허",
        "identiteitskaart", "dowód osobisty", "身份证", "주민등록증", "kimlik kartı", "kartımın", "kartımı", "banka kartı", "kredi kartı",
        // Probe 39: the ids and cards of its countries, in their scripts and by their names (Aadhaar, PAN, NRC, NIC, iqama, マイナンバー, 保険証).
        "کارت ملی", "کارت بانکی", "شماره کارت", "این کارت", "آدھار", "आधार कार्ड", "पैन कार्ड", "पासपोर्ट", "बैंक कार्ड", "ডেবিট কার্ড", "ক্রেডিট কার্ড",
        "জাতীয় পরিচয়পত্র", "এনআইডি", "ആധാർ", "ஆதார்", "ఆధార్", "ಆಧಾರ್", "બેંક કાર્ડ", "บัตรประชาชน", "บัตรเครดิต", "บัตรเอทีเอ็ม", "หนังสือเดินทาง",
        "このマイナンバーカード", "マイナンバーカードの写真", "この保険証", "保険証の写真", "この在留カード", "キャッシュカード", "クレジットカード", "හැඳුනුම්පත", "ගමන් බලපත්‍ර", "မှတ်ပုံတင်", "nrc card", "nic card",
        "national id", "aadhaar card", "pan card", "emirates id", "iqama", "الإقامة", "الهوية", "بطاقة الصراف", "جواز السفر",
        // A bank statement in the other corpus languages (probe 37; a statement whose numbers are blacked out carries none).
        "kontoauszug", "relevé bancaire", "relevés bancaires", "relevé de compte ", "relevé de carte ", "extracto bancario", "extracto de cuenta", "extracto del banco",
        "estratto conto", "extrato bancário", "extrato da conta", "extrato do banco", "bankafschrift", "rekeningafschrift", "wyciąg z konta",
        "wyciąg bankowy", "выписка по сч", "выписку по сч", "банковская выписка", "банковскую выписку", "hesap özeti", "hesap ekstresi",
        "kontoutdrag", "入出金明細", "取引明細", "对账单", "银行流水", "거래내역", "입출금",
        // Probe 42: health insurance cards by their names (the card carries the insured's number).
        "versichertenkarte", "gesundheitskarte", "krankenkassenkarte", "carte vitale", "tessera sanitaria", "tarjeta sanitaria", "medicare card",
        "zorgpas", "cartão de saúde", "cartão do sus", "karta ubezpieczenia",
        // Probe 44: Brazil's identity card and driving licence by their names (their acronyms: SensitiveScanner.DocumentAcronymNamed), a
        // customer's card photographed.
        "carteira de motorista", "carteira de habilitação", "customer's card", "client's card",
        // Probe 45: an identity card by its generic name (Korean 신분증, Japanese 身分証, Spanish cédula, Brazil's RG, Russian удостоверение).
        "신분증", "身分証", "身分證", "cédula", "documento de identidad", "carteira de identidade", "meu rg", "do rg", "удостоверени", "pièce d'identité",
        "identiteitsbewijs", "id-kaart", "dowodu osobistego", "documento d'identità", "kimliğim",
    ];

    private struct ScanState
    {
        public int Words;
        public int NonAsciiLetters;
        public int Letters;
        public int ForeignStopwords;
        public int Questions;
        public int ListItems;
        public int Lines;
        public int Fences;
        public int CodeLines;
        public int MathOps;
        public int Digits;
        public int Cjk;
        public bool Greeting;
        public bool Heartbeat;
    }

    /// <summary>The instruction zones of a message: [0, head) and [tail, end) (the learned model's ask block reads them too).</summary>
    internal static (int Head, int Tail) Zones(ReadOnlySpan<char> text)
    {
        var firstBreak = text.IndexOf('\n');
        if (firstBreak < 0)
        {
            // One line: short, it is all instruction; long, its start and its end are.
            return text.Length <= InstructionLine ? (text.Length, 0) : (LongLineZone, text.Length - LongLineZone);
        }

        var lastBreak = text.LastIndexOf('\n');
        var headShort = firstBreak <= InstructionLine;
        var tailShort = text.Length - lastBreak <= InstructionLine;

        // "Summarize this:\n<material>": a first line that introduces material makes the last line
        // material too, unless a blank line sets the last line apart ("<log>\n\nWhat went wrong?").
        var introduces = headShort && text[..firstBreak].TrimEnd().EndsWith(':');
        var setApart = lastBreak > 0 && text[..lastBreak].TrimEnd(" \t\r").EndsWith('\n');
        var head = headShort ? firstBreak : (tailShort ? 0 : LongLineZone);
        var tail = tailShort && (!introduces || setApart) ? lastBreak
            : headShort ? text.Length : text.Length - LongLineZone;
        return (head, tail);
    }

    private static void ScanWords(ReadOnlySpan<char> text, int offset, (int Head, int Tail) zones, ref ScanState state, FeatureScores scores, Span<double> instruction)
    {
        Span<char> phrase = stackalloc char[96];
        int prevStart = -1, prevLength = 0, prev2Start = -1, prev2Length = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                Symbol(text, i, ref state);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
            {
                var ch = text[i];
                if (ch > 127 && char.IsLetter(ch))
                {
                    state.NonAsciiLetters++;
                    if (ch is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff' or >= '\uac00' and <= '\ud7af')
                    {
                        state.Cjk++;
                    }
                }

                if (char.IsLetter(ch))
                {
                    state.Letters++;
                }
                else
                {
                    state.Digits++;
                }

                i++;
            }

            // c#, c++, f#: the symbol belongs to the word.
            var end = i;
            if (end < text.Length && text[end] == '#' && end - start == 1)
            {
                end++;
            }
            else if (end + 1 < text.Length && text[end] == '+' && text[end + 1] == '+')
            {
                end += 2;
            }

            var word = text[start..end];
            state.Words++;
            var position = offset + start;
            var inZone = position < zones.Head || position >= zones.Tail;
            var weight = inZone ? 1.0 : BodyWeight;
            if (word.Length <= 30)
            {
                var known = CueLookup.TryGetValue(word, out var cue);
                if (known)
                {
                    Apply(cue, weight, ref state, scores);
                    Instruct(cue, inZone, instruction);
                }

                // Two- and three-word phrases ("step by step", "pull out"), over words joined by single
                // spaces, looked up only when this word ends some phrase.
                if (known && cue.EndsPhrase && prevStart >= 0)
                {
                    var length = Join(phrase, text, prevStart, prevLength, word);
                    if (CueLookup.TryGetValue(phrase[..length], out var pairCue))
                    {
                        Apply(pairCue, weight, ref state, scores);
                        Instruct(pairCue, inZone, instruction);
                    }

                    if (prev2Start >= 0)
                    {
                        text.Slice(prev2Start, prev2Length).CopyTo(phrase);
                        phrase[prev2Length] = ' ';
                        var tripleLength = prev2Length + 1 + Join(phrase[(prev2Length + 1)..], text, prevStart, prevLength, word);
                        if (CueLookup.TryGetValue(phrase[..tripleLength], out var tripleCue))
                        {
                            Apply(tripleCue, weight, ref state, scores);
                            Instruct(tripleCue, inZone, instruction);
                        }
                    }
                }
            }

            // A phrase only spans words separated by one space (not by a full stop or a new line).
            var separatedBySpace = end < text.Length && text[end] == ' ' && word.Length <= 30;
            if (separatedBySpace)
            {
                (prev2Start, prev2Length) = prevStart >= 0 ? (prevStart, prevLength) : (-1, 0);
                (prevStart, prevLength) = (start, end - start);
            }
            else
            {
                (prevStart, prev2Start) = (-1, -1);
            }

            i = end;
        }

        if (state.Cjk > 0)
        {
            CjkCues(text, scores);
        }
    }

    private static int Join(Span<char> buffer, ReadOnlySpan<char> text, int prevStart, int prevLength, ReadOnlySpan<char> word)
    {
        text.Slice(prevStart, prevLength).CopyTo(buffer);
        buffer[prevLength] = ' ';
        word.CopyTo(buffer[(prevLength + 1)..]);
        return prevLength + 1 + word.Length;
    }

    private static void Instruct(in Cue cue, bool inZone, Span<double> instruction)
    {
        if (inZone)
        {
            if (cue.Task >= 0)
            {
                instruction[cue.Task] += cue.Weight;
            }

            if (cue.Task2 >= 0)
            {
                instruction[cue.Task2] += cue.Weight2;
            }
        }
    }

    private static void Apply(in Cue cue, double weight, ref ScanState state, FeatureScores scores)
    {
        if (cue.Task >= 0)
        {
            scores[cue.Task] += cue.Weight * weight;
        }

        if (cue.Task2 >= 0)
        {
            scores[cue.Task2] += cue.Weight2 * weight;
        }

        scores[FeatureScores.Hardness] += cue.Hard * weight;
        scores[FeatureScores.Depth] += cue.Deep * weight;
        state.ForeignStopwords += cue.Foreign ? 1 : 0;
        state.Greeting |= cue.Greeting;
        state.Heartbeat |= cue.Heartbeat;
    }

    private static void Symbol(ReadOnlySpan<char> text, int i, ref ScanState state)
    {
        var c = text[i];
        switch (c)
        {
            case '\n':
                state.Lines++;
                // The previous line's last visible character tells code lines apart: ; { } ) :
                var j = i - 1;
                while (j >= 0 && text[j] is ' ' or '\r' or '\t')
                {
                    j--;
                }

                if (j >= 0 && text[j] is ';' or '{' or '}' or ')' or ':' or ',' && j > 0 && text[j - 1] is not ' ')
                {
                    state.CodeLines++;
                }

                // A line that starts a list item: "1.", "2)", "- ", "* ".
                var k = i + 1;
                while (k < text.Length && text[k] is ' ' or '\t')
                {
                    k++;
                }

                if (k + 1 < text.Length && (char.IsAsciiDigit(text[k]) && text[k + 1] is '.' or ')' || text[k] is '-' or '*' or '•' && text[k + 1] == ' '))
                {
                    state.ListItems++;
                }

                if (k + 2 < text.Length && text[k] == '`' && text[k + 1] == '`' && text[k + 2] == '`')
                {
                    state.Fences++;
                }

                break;
            case '%' when i > 0 && char.IsAsciiDigit(text[i - 1]):
                state.MathOps++;
                break;
            case '?' or '？':
                state.Questions++;
                break;
            case '=' or '+' or '*' or '/' or '^' or '<' or '>' or '≤' or '≥' or '≠' or '∫' or '∑' or '√' or 'π' or '∞' or '≈' or '±' or '÷' or '×':
                // An operator between digits or single-letter variables is arithmetic or algebra.
                if (i > 0 && i + 1 < text.Length && Operand(text, i - 1, -1) && Operand(text, i + 1, 1) || c is '∫' or '∑' or '√' or 'π' or '∞' or '≤' or '≥' or '≠' or '÷' or '×')
                {
                    state.MathOps++;
                }

                break;
            case '`' when i == 0 && text.Length > 2 && text[1] == '`' && text[2] == '`':
                state.Fences++;
                break;
        }
    }

    // A digit, or a lone letter (x, n, y), next to an operator, allowing one space.
    private static bool Operand(ReadOnlySpan<char> text, int i, int step)
    {
        if (i >= 0 && i < text.Length && text[i] == ' ')
        {
            i += step;
        }

        if (i < 0 || i >= text.Length)
        {
            return false;
        }

        if (char.IsAsciiDigit(text[i]) || text[i] is ')' or '(')
        {
            return true;
        }

        if (!char.IsAsciiLetter(text[i]))
        {
            return false;
        }

        var beyond = i + step;
        return beyond < 0 || beyond >= text.Length || !char.IsLetter(text[beyond]);
    }

    private static void CjkCues(ReadOnlySpan<char> text, FeatureScores scores)
    {
        foreach (var (needle, task, weight) in CjkTable)
        {
            if (text.Contains(needle, StringComparison.Ordinal))
            {
                scores[task] += weight;
            }
        }
    }

    private static readonly (string Needle, int Task, double Weight)[] CjkTable =
    [
        ("代码", FeatureScores.Code, 3), ("函数", FeatureScores.Code, 3), ("程序", FeatureScores.Code, 2), ("コード", FeatureScores.Code, 3), ("関数", FeatureScores.Code, 3),
        ("总结", FeatureScores.Summarization, 3), ("摘要", FeatureScores.Summarization, 3), ("概括", FeatureScores.Summarization, 3), ("要約", FeatureScores.Summarization, 3), ("まとめ", FeatureScores.Summarization, 3),
        ("翻译", FeatureScores.Translation, 3), ("翻訳", FeatureScores.Translation, 3), ("번역", FeatureScores.Translation, 3),
        ("证明", FeatureScores.Reasoning, 2), ("証明", FeatureScores.Reasoning, 2), ("为什么", FeatureScores.Reasoning, 1), ("推理", FeatureScores.Reasoning, 2),
        ("计算", FeatureScores.Math, 2), ("方程", FeatureScores.Math, 3), ("計算", FeatureScores.Math, 2), ("积分", FeatureScores.Math, 3),
        ("诗", FeatureScores.Creative, 3), ("故事", FeatureScores.Creative, 3), ("詩", FeatureScores.Creative, 3), ("物語", FeatureScores.Creative, 3),
        ("提取", FeatureScores.Extraction, 3), ("抽出", FeatureScores.Extraction, 3), ("研究", FeatureScores.Research, 1.5), ("调研", FeatureScores.Research, 3),
        ("你好", FeatureScores.Conversation, 1.5), ("こんにちは", FeatureScores.Conversation, 1.5), ("谢谢", FeatureScores.Conversation, 1.5),
    ];

    private static void Structure(ReadOnlySpan<char> text, ref ScanState state, FeatureScores scores)
    {
        // Code syntax: fenced blocks and lines that end like statements, relative to the line count.
        var codeSyntax = Math.Min(3, state.Fences * 0.75) + Math.Min(3, state.CodeLines * 3.0 / Math.Max(4, state.Lines + 1));
        scores[FeatureScores.CodeSyntax] = codeSyntax;
        scores[FeatureScores.Code] += codeSyntax * 0.8;

        var mathSyntax = Math.Min(4, state.MathOps * 0.8) + (state.Digits > 0 && state.Letters < 40 && state.MathOps > 0 ? 1 : 0);
        if (codeSyntax > 1.5)
        {
            mathSyntax *= 0.3; // operators in code are not arithmetic
        }

        scores[FeatureScores.MathSyntax] = mathSyntax;
        scores[FeatureScores.Math] += mathSyntax;

        scores[FeatureScores.Steps] = Math.Min(6, state.ListItems) + Math.Max(0, state.Questions - 1);
        var tokens = (text.Length + 3) / 4;
        scores[FeatureScores.Length] = tokens;
        if (state.Letters > 0)
        {
            var nonAscii = (double)state.NonAsciiLetters / state.Letters;
            var foreign = state.Words > 0 ? (double)state.ForeignStopwords / state.Words : 0;
            scores[FeatureScores.NonEnglish] = Math.Round(Math.Max(nonAscii, foreign * 4), 2);
        }

        if (state.Greeting)
        {
            scores[FeatureScores.Conversation] += 1.5;
        }

        if (state.Heartbeat && tokens < 30)
        {
            scores[FeatureScores.Conversation] += 4;
            scores[FeatureScores.Hardness] -= 3;
        }
    }

    private static void Context(PromptView prompt, FeatureScores scores)
    {
        var toolTurns = prompt.ToolCalls + prompt.ToolResults;
        scores[FeatureScores.Agentic] = toolTurns + (prompt.ToolDefinitions > 0 ? 1 : 0);
        scores[FeatureScores.Media] = prompt.MediaParts;

        if (prompt.ResponseFormat is "json_object" or "json_schema")
        {
            scores[FeatureScores.OutputFormat] += 1;
            scores[FeatureScores.Extraction] += 1;
        }

        // Tools say what kind of agent this is: shell and file tools code, search tools research. A known
        // agent offers the same tools for every chat, so they say nothing about this one.
        var names = prompt.Agent is null ? prompt.ToolNames.AsSpan() : default;
        if (!names.IsEmpty)
        {
            if (ContainsAny(names, ["bash", "shell", "exec", "edit", "write_file", "read_file", "str_replace", "apply_patch", "patch", "grep", "glob", "run_tests", "git", "terminal", "compile", "code"]))
            {
                scores[FeatureScores.Code] += 2.0;
            }

            if (ContainsAny(names, ["search", "browse", "fetch", "web", "scholar", "wiki"]))
            {
                scores[FeatureScores.Research] += 1.5;
            }
        }

        // Tool results in an agent loop: code coming back from files or a compiler.
        if (prompt.ToolResults > 0)
        {
            var results = prompt.ToolResultChars;
            results = results[..Math.Min(results.Length, 3000)];
            // "{" first: whether any needle is there does not hang on their order, and a JSON or code tool output holds a brace
            // near its start; the others, each a case-insensitive search of 3,000 characters, then are not read (issue 16 item 4).
            if (ContainsAny(results, ["{", "error", "Traceback", "exception", "def ", "function ", "class ", "import ", "npm ", "test"]))
            {
                scores[FeatureScores.Code] += 1.0;
            }
        }
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, ReadOnlySpan<string> needles)
    {
        foreach (var needle in needles)
        {
            if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string PickTask(PromptView prompt, FeatureScores scores, ReadOnlySpan<double> instruction)
    {
        // Images need a model that sees them, whatever is asked about them.
        if (prompt.MediaParts > 0)
        {
            return "vision";
        }

        // What the user asks in the instruction lines decides; the pasted material, the tools and the
        // system prompt decide only when the ask itself names no task.
        var asked = StrongestTask(instruction, out var askedScore);
        if (asked >= 0 && askedScore >= TaskThreshold + 0.5 && instruction[FeatureScores.Conversation] < askedScore)
        {
            return Tasks[asked].Name;
        }

        var best = StrongestTask(scores.Span, out var bestScore);
        if (best < 0 || bestScore < TaskThreshold || scores[FeatureScores.Conversation] >= bestScore + 1)
        {
            return "conversation";
        }

        return Tasks[best].Name;
    }

    /// <summary>The task (before <see cref="FeatureScores.Conversation"/>) with the highest positive score; -1 when none scores.</summary>
    private static int StrongestTask(ReadOnlySpan<double> scores, out double score)
    {
        var best = -1;
        score = 0.0;
        for (var t = 0; t < FeatureScores.Conversation; t++)
        {
            if (scores[t] > score)
            {
                best = t;
                score = scores[t];
            }
        }

        return best;
    }

    private static double BaseComplexity(string task)
    {
        foreach (var (name, level) in Tasks)
        {
            if (name == task)
            {
                return level;
            }
        }

        return Tasks[0].Base;
    }

    private static string PickComplexity(PromptView prompt, string task, ref ScanState state, FeatureScores scores)
    {
        var level = task == "vision" ? 1.0 : BaseComplexity(task);

        var hard = Math.Clamp(scores[FeatureScores.Hardness], -3, 4);
        level += hard * 0.45;

        var steps = scores[FeatureScores.Steps];
        level += Math.Min(1.2, steps * 0.2);

        var tokens = scores[FeatureScores.Length];
        level += tokens switch
        {
            < 8 => -0.6,
            < 25 => -0.2,
            < 60 => 0,
            < 150 => 0,
            < 600 => 0.3,
            < 2500 => 0.5,
            _ => 0.7,
        };

        var agentic = prompt.ToolCalls + prompt.ToolResults;
        level += agentic switch
        {
            0 => 0,
            < 4 => 0.4,
            < 10 => 0.7,
            _ => 1.0,
        };

        if (task is "coding" && scores[FeatureScores.CodeSyntax] > 1 && tokens > 400)
        {
            level += 0.3;
        }

        if (state.Heartbeat && tokens < 30)
        {
            level = -1;
        }

        // Reasoning is reached by hard cues on a reasoning, math or coding task, not by length alone.
        // Reasoning is reached by depth cues (a proof, a puzzle, a derivation) on a reasoning, math or
        // coding task, not by length alone.
        var depth = scores[FeatureScores.Depth];
        if (task is "reasoning" or "math" or "coding" && (depth >= 2 || (depth >= 1 && level >= 2.2)))
        {
            return Complexity.Reasoning;
        }

        return level switch
        {
            < 0.75 => Complexity.Simple,
            < 1.75 => Complexity.Medium,
            _ => Complexity.Complex,
        };
    }

    /// <summary>One entry of the cue table: which task a word points to, how strongly, and how hard it makes the ask.</summary>
    private readonly record struct Cue(int Task, double Weight, double Hard, int Task2 = -1, double Weight2 = 0, bool Foreign = false, bool Greeting = false, bool Heartbeat = false, double Deep = 0, bool EndsPhrase = false)
    {
        public static FrozenDictionary<string, Cue> Table()
        {
            var table = new Dictionary<string, Cue>(StringComparer.OrdinalIgnoreCase);

            void Add(int task, double weight, double hard, string words)
            {
                foreach (var w in words.Split('|'))
                {
                    table[w] = table.TryGetValue(w, out var existing) && existing.Task != task && existing.Task >= 0
                        ? existing with { Task2 = task, Weight2 = weight, Hard = existing.Hard + hard }
                        : new Cue(task, weight, hard);
                }
            }

            void Flag(string words, bool foreign = false, bool greeting = false, bool heartbeat = false, double hard = 0, double deep = 0)
            {
                foreach (var w in words.Split('|'))
                {
                    var cue = table.TryGetValue(w, out var existing) ? existing : new Cue(-1, 0, 0);
                    table[w] = cue with { Foreign = cue.Foreign || foreign, Greeting = cue.Greeting || greeting, Heartbeat = cue.Heartbeat || heartbeat, Hard = cue.Hard + hard, Deep = cue.Deep + deep };
                }
            }

            const int code = FeatureScores.Code, math = FeatureScores.Math, reason = FeatureScores.Reasoning, summ = FeatureScores.Summarization,
                extract = FeatureScores.Extraction, creative = FeatureScores.Creative, research = FeatureScores.Research,
                translate = FeatureScores.Translation, chat = FeatureScores.Conversation;

            // Coding: intent words, languages, tools and error vocabulary.
            Add(code, 2.0, 0, "node|div|vscode|terminal|shortcut|skript|datenbank|función|código|codigo|fonction|programme|programm|code|coding|algorithm|algorithms|function|functions|bug|bugs|debug|debugging|refactor|refactoring|compile|compiler|compiles|implement|implementation|script|scripts|regex|regexp|endpoint|api|apis|unittest|pytest|jest|xunit|junit|repo|repository|codebase|stacktrace|traceback|segfault|exception|exceptions|npm|pip|cargo|dotnet|gradle|maven|webpack|dockerfile|kubernetes|k8s|helm|terraform|linter|lint|eslint|typescript|javascript|python|golang|rust|java|kotlin|swift|c#|c++|f#|csharp|cpp|sql|postgres|postgresql|mysql|sqlite|bash|powershell|html|css|react|vue|angular|django|flask|fastapi|nodejs|node.js|yaml|graphql|async|await|nullpointerexception|typeerror|valueerror|keyerror|syntaxerror|undefined|null|struct|enum|interface|constructor|lambda|closure|recursion|recursive|variable|variables|method|methods|class|classes|module|modules|library|framework|dependency|dependencies|deploy|deployment|git|commit|merge|rebase|docker|container|makefile|cmake|linux|stdout|stderr|cli|backend|frontend|database|schema|migration|orm|query|queries|programming|programmer|developer|snippet|pandas|numpy|dataframe|boolean|array|arrays|hashmap|dict|list comprehension|oop");
            Add(code, 1.5, 0.3, "unit test|unit tests|stack trace|pull request|code review|race condition|memory leak|edge cases|big o|time complexity|type error|this function|this code|the code|my code|the function|this script|this query|the bug|the build|build fails|tests fail|test suite|error message|null pointer|off-by-one|off by|shell script|rest api|web app");
            Add(code, 1.0, 0, "error|errors|fix|crash|crashes|broken|fails|failing|failed|server|http|browser|status code|how do i fix|vs code|json|test|tests|testing|ci|staging|rollback|hotfix|pr|diff|runtime|running time|data structure|linked list|binary tree|def|const|void|println|printf|console|elif|fn|impl|namespace|usize|func|std|nullptr|stdin|int32|int64|sudo|chmod|localhost");

            // Math.
            Add(math, 2.0, 0, "math|maths|mathematics|equation|equations|integral|integrate|derivative|differentiate|calculus|algebra|polynomial|logarithm|probability|probabilities|matrix|matrices|eigenvalue|eigenvalues|eigenvector|determinant|theorem|lemma|geometry|triangle|hypotenuse|radius|perimeter|fraction|fractions|percent|percentage|arithmetic|quotient|modulo|prime|primes|factorial|factorize|divisible|divisor|gcd|lcm|sqrt|square root|variance|median|expected value|combinatorics|permutations|combinations|binomial|converge|converges|convergence|inequality|solve|simplify|calculate|compute|integer|integers|multiply|divide|subtract|squared|cubed|exponent|dice|odds|marbles|sin|cos|tan|quadratic|linear equation|systems of equations|trigonometry|vertices|coefficient|coefficients|asymptote|infinity");
            Add(math, 1.0, 0, "area|volume|circle|angle|angles|sum|product|remainder|mean|average|statistics|vector|vectors|limit|series|digits|numbers|plus|minus|times|exponential|interest|compound|speed|rate|ratio|proportion|coin|coins|cards|deck|discount|tax|tip|split|km|miles|hours|minutes|convert");
            Add(math, 2.0, 0, "fahrenheit|celsius|kelvin|inches|centimeters|centimetres|ounces|grams|litres|liters|gallons|pounds");
            Add(math, 1.5, 0.3, "how many|how much|how long|how far|how fast|what is the probability|solve for|find x|real numbers|natural numbers|rational|irrational|infinitely many");
            Add(math, 0.5, 0, "number|total|cost|costs|price|kg|dollars");
            Add(math, 1.5, 0.6, "prove|proof|proofs");
            Add(reason, 1.8, 0, "prove|proof|proofs");

            // Reasoning: analysis, logic, decisions, trade-offs.
            Add(reason, 2.0, 0.6, "puzzle|riddle|logic|logical|paradox|deduce|deduction|infer|inference|syllogism|fallacy|fallacies|dilemma|counterfactual|hypothetical|trade-off|trade-offs|tradeoff|tradeoffs|pros|cons|implications|consequences|justify|argue|argument|arguments|critique|critically|evaluate|assess|weigh|rationale|reasoning|analyze|analyse|analysis|strategy|strategic|decide|decision|should i|which is better|compare|comparison|versus|vs|ethical|ethics|philosophical|knights|knaves|liar|liars|truth-teller|warum|pourquoi|por qué|perché|rational|rationally|irrationally|consider|considering|recommendation|arrangement|arrangements|reason it|think it|or wait|should we|should our|worth|bias|biases|psychology|debate|convince|persuade|explanation|explanations|causes|cause|caused|factors|untangle|attribution|deciding|choose|choosing|alternatives|bigger|riskier|more likely|how would you");
            Add(reason, 1.2, 0.5, "should i|why|explain why|what would happen|what if|think through|root cause|is it better|better to|worth it|make sense|advantages|disadvantages|risks|design|architecture|plan|planning");
            Add(reason, 2.0, 0.5, "chain of thought|step by step|walk me through|figure out|work out|contradiction|consistent|optimal|optimally");

            // Summarization.
            Add(summ, 5.0, 0, "sum up|sums up|boil|un résumé|summarize|summarise|summarizing|summarising|tl|tldr|recap|condense|shorten|gist|synopsis|zusammen|zusammenfassen|zusammenfassung|résumer|résume|résumez|resumen|resume en|resumir|resume este|riassumi|riassunto|samenvatting|samenvatten|сократи|кратко");
            Add(summ, 3.0, 0, "summary|summaries|a brief|page brief|briefing|takeaway");
            Add(summ, 2.0, 0, "one sentence|two sentences|three sentences|few sentences|one paragraph|in one line|ten words|10 words|plain language");
            Add(summ, 3.0, 0, "key points|main points|key takeaways|takeaways|in a nutshell|boil down|executive summary|short version|in brief|bullet points|high level|high-level|main ideas|what it says|what this says");

            // Extraction.
            Add(extract, 3.0, 0, "classify|categorize|categorise|label each|tag each|extract|extraction|parse|parsing|fields|entities|entity|extrae|extraire|extrahieren|estrai|extraia|extrahiere|extrais|extraer");
            Add(extract, 2.5, 0, "pull out|list all|find all|get all|identify all|return json|as json|into json|to json|json object|key-value|csv|tabular|structured|into a table|as a table|fill in|named entities|invoice|receipt|line items|every date|all dates|all names|email addresses|phone numbers|mentioned in|from this text|from the text|from the following|from this email|from this document|from these|out of this|out of these|number in|number from|identify the|return a table|a table|which city|which date|which name|which person|tracking number|phone number|order number|in this message|in this text|in this log|in this email|in this document|appears in|json array|return a json|each item|every item|for every|for each");

            // Creative writing.
            Add(creative, 3.5, 0, "poem|poems|poetry|haiku|haikus|limerick|sonnet|verse|verses|lyrics|song|songs|rap|story|stories|fiction|fairy|fable|novel|screenplay|script for|scene|dialogue|character|characters|plot|tagline|slogan|slogans|jingle|toast|eulogy|creative|imaginative|whimsical|bedtime|villain|hero|protagonist|worldbuilding|poème|poema|gedicht|cuento|geschichte|histoire|storia|ode|metaphor|rhyme|rhyming|rhymes");
            Add(creative, 3.0, 0, "taglines|história|historia|racconto|verhaal|poesia|gedichte|storytelling");
            Add(creative, 2.0, 0, "write a|invent|imagine|brainstorm|name ideas|names for|birthday|wedding|greeting card|short story|once upon|the style of|a joke|jokes|funny|pun|puns|catchy|tweet|caption|captions|blog post|product description|cover letter|marketing copy|ad copy");

            // Research.
            Add(research, 3.0, 0.3, "research|sources|citations|cite|citing|references|literature|studies|study|papers|paper|peer-reviewed|survey|evidence|meta-analysis|of the art|state-of-the-art|findings|scholarly|academic|journal|journals|report on|landscape|market|competitors|competitive|investigate|deep dive|look up|find out|recent developments|latest|current state");
            Add(research, 1.0, 0, "history of|statistics on|data on|trends|according to");
            Add(research, 2.0, 0, "news|recent|discoveries|fuentes|estudios|investigación|études|quellen|studien|forschung|información|informations|guidelines");

            // Translation.
            Add(translate, 4.0, 0, "translate|translation|translating|translated|traduire|traduis|traduisez|traduction|traducir|traduce|traduzca|traducción|traduci|tradurre|übersetze|übersetzen|übersetzung|vertaal|vertalen|переведи|перевод|перевести");
            Add(translate, 1.5, 0, "into english|into french|into spanish|into german|into italian|into japanese|into chinese|into portuguese|into korean|into russian|into dutch|to english|to french|to spanish|to german|to italian|to japanese|to chinese|en français|en anglais|al español|auf deutsch|in english|in french|in spanish|in german|in italian|in japanese|in chinese|in korean|in portuguese|in russian|in dutch|in arabic|in hindi|how do you say|how to say|what's the word|put this into|natural-sounding");
            Add(translate, 1.0, 0, "japanese|french|spanish|german|italian|portuguese|chinese|korean|russian|dutch|polish|arabic|hindi|turkish|swedish|english");

            // Conversation and small talk.
            Add(chat, 1.5, -0.5, "hi|hello|hey|thanks|thank|thx|cheers|bye|goodbye|morning|evening|lol|haha|cool|nice|awesome|bonjour|hola|hallo|ciao|salut|merci|gracias|danke|olá|привет|спасибо|howdy|yo|sup|ok|okay");
            Add(chat, 1.0, -0.5, "how are you|what's up|it going|good morning|good night|nice to meet|favorite|favourite|feel|feeling|recommend|suggest|weekend|tonight|dinner|movie|movies|music|weather|vacation|trip|book|books|gift|advice|chat");
            Flag("hi|hello|hey|thanks|thank|bonjour|hola|hallo|ciao|salut|merci|gracias|danke|howdy|yo|привет", greeting: true);
            Flag("ping|heartbeat|heartbeat_ok|alive|healthcheck|health|keepalive|keep-alive|pong|status", heartbeat: true);

            // Hardness: words that make any task harder or easier.
            Flag("rigorous|rigorously|formally|formal|optimal|optimize|optimise|optimization|scalable|scalability|distributed|concurrency|concurrent|thread-safe|lock-free|consensus|byzantine|invariant|invariants|complexity|asymptotic|amortized|np-hard|np-complete|derive|derivation|theorem|production|migrate|migration|security|threat|vulnerability|exploit|cryptographic|end-to-end|multi-tenant|fault-tolerant|idempotent|throughput|latency|benchmark|comprehensive|thorough|detailed|in-depth|design|architect|architecture|redesign|system|systems|tradeoffs|trade-offs|edge|constraints|requirements|sharding|replication|kernel|compiler|interpreter", hard: 0.6);
            Flag("quick|quickly|simple|simply|just|brief|briefly|short|one-line|one-liner|oneliner|tiny|small|easy|basic|single|word|spell|synonym|antonym|define|definition|capital|fix typo|typo|rename|lowercase|uppercase|reformat", hard: -0.5);

            // Depth: asks for a proof, a derivation or a puzzle's solution — reasoning-level work.
            Flag("prove|prove that|induction|proof", deep: 1.0);
            Flag("show that|minimum|maximum|minimize|maximize|fewest|carefully|full strategy|no faster|exists", deep: 0.7);
            Flag("prove|proof|proofs|rigorous|rigorously|puzzle|riddle|knights|knaves|syllogism|correctness|infinitely many|always works|every step|each step|show the reasoning|show your reasoning|show your work|step by step|derive|derivation|every valid|all valid|all possible|contradiction|invariant|lower bound|upper bound|optimal|np-hard|formally|justify", deep: 1.0);

            // Frequent function words of other languages: the share of them marks non-English text.
            Flag("le|la|les|des|est|une|pour|avec|dans|que|qui|el|los|las|una|por|para|con|del|qué|und|der|die|das|ist|nicht|mit|ein|eine|ich|sie|het|een|niet|il|di|che|per|non|sono|não|você|com|uma|como|é", foreign: true);

            // Mark the last word of every phrase, so phrase lookups run only after such a word.
            foreach (var phrase in table.Keys.Where(k => k.Contains(' ', StringComparison.Ordinal)).ToList())
            {
                var last = phrase[(phrase.LastIndexOf(' ') + 1)..];
                table[last] = (table.TryGetValue(last, out var existing) ? existing : new Cue(-1, 0, 0)) with { EndsPhrase = true };
            }

            return table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }
    }
}
