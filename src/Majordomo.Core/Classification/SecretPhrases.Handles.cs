namespace Majordomo.Classification;

/// <summary>
/// Values that are no secrets though they look like one (false alarms of the blind probe <c>sensitive-lookalikes-15</c>,
/// docs/CLASSIFIER.md "More languages"): a user name or gamer tag named just before a password-shaped token ("my gamertag is
/// VelvetKraken_07", "שם המשתמש שלי … הוא FalafelKing_99": a public handle, docs/LABELLING.md), and a password that points
/// elsewhere instead of being told ("wifi password: ask at reception", "default password: see label on the bottom").
/// </summary>
internal static partial class SecretPhrases
{
    // What names a handle: user names, nicknames, gamer tags and the platforms they are used on, in the corpus languages (phrases,
    // read up to four words before the token; the bare-password rule's HandleNouns are single words right before it).
    private static readonly string[] HandlePhrases =
    [
        "gamertag", "gamer tag", "username", "user name", "user id", "handle", "nickname", "nick", "screen name", "display name", "psn",
        "xbox", "playstation", "steam", "discord", "twitch", "instagram", "tiktok", "twitter", "reddit", "github", "minecraft", "roblox",
        "fortnite", "battletag", "riot id", "ign", "nombre de usuario", "usuario", "apodo", "nome de usuário", "nome de usuario", "apelido",
        "nome utente", "pseudo", "pseudonyme", "benutzername", "nutzername", "spielername", "gebruikersnaam", "nazwa użytkownika", "ник",
        "никнейм", "имя пользователя", "kullanıcı adı", "användarnamn", "ユーザー名", "ユーザーネーム", "ユーザーid", "用户名", "昵称", "사용자 이름",
        "닉네임", "tên người dùng", "biệt danh", "nama pengguna", "उपयोगकर्ता नाम", "felhasználónév", "becenév", "uživatelské jméno",
        "přezdívk", "käyttäjätunnus", "käyttäjänimi", "nume de utilizator", "όνομα χρήστη", "שם המשתמש", "שם משתמש", "כינוי",
        "اسم المستخدم", "brugernavn", "ім'я користувача", "нікнейм",
    ];

    // Secret nouns that, standing between a handle's noun and the token, make the token the secret again.
    private static readonly string[] SecretStems =
    [
        "pass", "pwd", "pw", "parol", "kennw", "mot de passe", "mdp", "contrase", "clave", "senha", "hasło", "haslo", "пароль", "şifre",
        "sifre", "lösen", "wachtw", "密码", "パスワード", "비밀번호", "비번", "סיסמ", "كلمة", "κωδικ", "jelsz", "heslo", "sandi", "mật khẩu",
        "पासवर्ड", "salasan", "pin", "code", "key", "token",
    ];

    /// <summary>
    /// A handle's noun stands in the token's clause at most four words before it, with no secret noun and no list separator
    /// between ("steam: kraken_07 / Hunter_2024x" still reads the second token).
    /// </summary>
    internal static bool NamedHandle(ReadOnlySpan<char> text, int start)
    {
        // A tag in a table's handle column ("slot,team,captain,discord\n1,Night Owls,kestrel,kestrel#0001"; SecretPhrases.Gaming).
        if (HandleColumn(text, start))
        {
            return true;
        }

        var before = text[Math.Max(0, start - 60)..start];
        before = before[(before.LastIndexOfAny(HandleStops) + 1)..];
        foreach (var noun in HandlePhrases)
        {
            var hit = before.LastIndexOf(noun, StringComparison.OrdinalIgnoreCase);
            if (hit < 0 || (hit > 0 && char.IsLetter(before[hit - 1]) && noun[0] < 0x0590))
            {
                continue;
            }

            var between = before[(hit + noun.Length)..];
            if (between.IndexOfAny('/', '|', ',') >= 0 || Words(between) > 4)
            {
                continue;
            }

            var secret = false;
            foreach (var stem in SecretStems)
            {
                secret |= between.Contains(stem, StringComparison.OrdinalIgnoreCase);
            }

            if (!secret)
            {
                return true;
            }
        }

        return false;
    }

    private static int Words(ReadOnlySpan<char> s)
    {
        var words = 0;
        for (var i = 0; i < s.Length; i++)
        {
            words += char.IsLetter(s[i]) && (i == 0 || !char.IsLetter(s[i - 1])) ? 1 : 0;
        }

        return words;
    }

    private static readonly System.Buffers.SearchValues<char> HandleStops = System.Buffers.SearchValues.Create(".!?;\n\r。？！");

    // Where a password is said to be instead of what it is: a verb of asking or seeing, a place it is printed.
    private static readonly string[] PointerWords =
    [
        "ask", "see", "check", "look", "call", "contact", "request", "refer", "printed", "written", "inside", "under", "behind", "below",
        "fragen", "siehe", "steht", "voir", "demandez", "demander", "ver", "pregunta", "preguntar", "preguntad", "pedir", "pide", "pergunte",
        "perguntar", "veja", "chiedi", "chiedere", "vedi", "zie", "vraag", "zobacz", "zapytaj", "spytaj", "см", "спросите", "спросить",
        "смотри", "sorun", "bakın", "fråga", "見", "参见", "询问", "問い合わせ", "参照", "문의", "참조", "hỏi", "xem", "tanya", "lihat", "पूछें",
        "देखें", "zeptejte", "viz", "kérdezze", "lásd", "ρωτήστε", "δείτε", "שאל", "ראה", "اسأل", "انظر", "kysy", "katso", "întreabă", "vezi",
    ];

    /// <summary>
    /// The value after "password:" is a verb that points elsewhere followed by more words ("ask at reception", "see label on the
    /// bottom", "fragen Sie an der Rezeption"): no password was told.
    /// </summary>
    internal static bool PointsElsewhere(ReadOnlySpan<char> value, ReadOnlySpan<char> after)
    {
        var word = value.TrimEnd(".,;:!?");
        if (word.Length != value.Length || after.Length < 2 || after[0] != ' ' || !char.IsLetter(after[1]))
        {
            return false;
        }

        foreach (var pointer in PointerWords)
        {
            if (word.Equals(pointer, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
