using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>Secrets told in prose, chats and commands (issue 13 item 3), and the look-alikes that must stay cloud-eligible.</summary>
public class SecretPhrasesTests
{
    [Theory]
    [InlineData("Kapının şifresi 2580, kargocu gelirse söyle")]
    [InlineData("Portkoden är 1984, kan du komma ihåg den åt mig?")]
    [InlineData("Meu CPF é 529.982.247-25, preciso colocar os pontos no cadastro?")]
    [InlineData("I reuse Marigold!84 for my email, Amazon and the bank.")]
    [InlineData("mysqldump -u backup -pCaju!Doce2025 loja > dump.sql")]
    [InlineData("Le code de l'interphone chez moi c'est 4B27, tu le donneras au livreur")]
    [InlineData("Lena: wie war nochmal der Zugangscode fürs Lager\nJonas: 8842\nLena: danke!")]
    [InlineData("the temporary VPN password for the contractors is Wq7!harbor and it expires Friday.")]
    [InlineData("I set the passphrase to \"correct horse battery staple\" like the comic")]
    [InlineData("My seed phrase is: orbit canyon velvet ladder pulse ninja")]
    [InlineData("my security answer for 'favourite teacher' is Mrs Abernathy, is that guessable?")]
    [InlineData("현관 비밀번호는 1592*야. 택배 오면 알려줘")]
    public void SecretsInProse_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("Translate to French: 'Please enter your password to continue.'")]
    [InlineData("The Stripe docs show test card 4242 4242 4242 4242 — what expiry do I use?")]
    [InlineData("AWS docs use AKIAIOSFODNN7EXAMPLE as an access key — where does the CLI store the real one?")]
    [InlineData("npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree")]
    [InlineData("My code has 1200 lines, can you refactor it into modules?")]
    [InlineData("Mon mot de passe est trop court selon le site, quelle longueur faut-il ?")]
    [InlineData("def login(user, password):\n    if password == user.password_hash:\n        return True")]
    [InlineData("My grandfather's combination safe from the 1950s — how do these mechanisms work?")]
    [InlineData("We upgraded the build agents to Ubuntu-22.04 and Windows-11 last week.")]
    public void LookAlikes_AreNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);

    /// <summary>One phenomenon a group, in several languages (issue 13 item 3).</summary>
    [Theory]
    // Keys and tokens told in prose: a value with digits after key, token, clé, ключ, 密钥…
    [InlineData("wifi at the lake house: key is pinecone-4471-moss")]
    [InlineData("la clé du wifi c'est maison-8812-soleil")]
    [InlineData("ключ от API: 9c2e7a1f4b8d3e6a, не потеряй")]
    // Codes of keypads, key safes, lockers and pickup points, said without "PIN"
    [InlineData("key safe by the gate, code 4 0 8 2, bins go out Monday")]
    [InlineData("Jana: Schlüssel liegt im Schlüsseltresor am Tor, Code 7-3-1-9.")]
    [InlineData("boîte à clés devant la porte : 5913")]
    [InlineData("gym locker combo is 14-22-07, remind me tomorrow")]
    [InlineData("[09:12] Ana: the keypad beeps\n[09:13] Leo: 7 1 9 4 then the tick")]
    [InlineData("快递取件码是 6-3-7702，帮我转告一下")]
    // One-time codes in groups and short upper-case codes
    [InlineData("Your one-time passcode is 552 019. It expires in 10 minutes.")]
    [InlineData("Here is the Steam Guard code for account kestrel_k: 8R4TW")]
    // Passwords after a noun in any script, and inside German compounds
    [InlineData("логин buh_admin, пароль Ё9жк!Почта2031, порт 3389")]
    [InlineData("и пароль я ставил Рябина2030, что не так?")]
    [InlineData("Das Routerpasswort ist jetzt Kiefernweg17")]
    [InlineData("Schreib der WG, dass das WLAN-Passwort jetzt „Nudelsieb9!“ lautet")]
    [InlineData("I told my sister my Hulu password (it's velvet_otter42) ages ago")]
    [InlineData("her bank PIN has been 1987 forever, put that in the card as a joke")]
    // Security answers: a name given, quoted or told after the noun
    [InlineData("for the security question they asked my mother's maiden name, I put Wiśniewska. remember it")]
    [InlineData("My security answers are real: mother's maiden name Lindqvist, first school St Olaf's")]
    [InlineData("en la pregunta de seguridad puse 'Canelita' (mi primer perro)")]
    [InlineData("銀行の秘密の質問の答えは「ぽち」です")]
    [InlineData("보안 질문 답은 '초코'야, 기억해 줘")]
    // Insurance, member, patient and passport numbers
    [InlineData("Claimant: Erin Walsh. Policy: HOM-77-3318-2. PPS number: 7654321KA.")]
    [InlineData("I have your member ID as KZP 551 208 907, please confirm")]
    [InlineData("Паспорт 45 21 661904, выдан 11.02.2020")]
    [InlineData("vault unlock phrase is 'lemon-orbit-cascade-19', move it out of the notes")]
    // Digits in groups right after the noun, inflected nouns, passwords with letters outside ASCII and a symbol
    [InlineData("apunta: la clave de la alarma del garaje es 8 2 6 0")]
    [InlineData("bahçe kapısının şifresi 3 0 7 1, unutma")]
    [InlineData("koden till cykelrummet är 2 2 9 4")]
    [InlineData("Tymczasowe hasło do poczty to Odra#2029, zmień je potem.")]
    [InlineData("geçici şifreniz Kartal-Deniz-48, ilk girişte değiştirin")]
    [InlineData("현관 비밀번호 5 1 8 3 #, 택배는 문 앞에")]
    public void ProsePhenomena_AreSensitive(string text) => Assert.True(SensitiveScanner.IsSensitive(text), text);

    [Theory]
    [InlineData("The key is consistency, not speed.")]
    [InlineData("the key takeaway is AES-256-GCM everywhere")]
    [InlineData("Schlüssel liegt unter der Matte, bis später")]
    [InlineData("Passwords are encouraged to be long. Passphrases are recommended.")]
    [InlineData("verify your password within 24 hours at http://mail-verify.example.net/login")]
    [InlineData("{\n  \"login.forgot\": \"Forgot your password?\",\n  \"cart.empty\": \"Your cart is empty\"\n}")]
    [InlineData("rsync error: some files were not transferred (code 23) at main.c(1338)\n2026-12-04 03:00:01 starting sync")]
    [InlineData("Process: 812 ExecStart=/usr/bin/app (code=exited, status=1/FAILURE)\nDec 05 16:20:11 host app[812]: error")]
    [InlineData("lol my coworker's password was literally 'password123' and IT made him do a training")]
    [InlineData("My security question answers are all real facts (mother's maiden name, first school). Should I make them up?")]
    [InlineData("Is a passphrase like 'correct horse battery staple' stronger than 'Tr0ub4dor&3'?")]
    [InlineData("Wir halten die Top-20-Händler und verschieben die Lagererweiterung auf 2028.")]
    [InlineData("my passport expires on 2027-03-01, when should I renew?")]
    [InlineData("did you save the note about changing my passwords next weekend?\nConversation data (data, not instructions):\n\"Active sessions:\\nnone\"")]
    [InlineData("What's my policy number? I can't find it on the letter.")]
    [InlineData("パスワードは「8文字以上」にしてください")]
    [InlineData("the new code for the parser is in PR 4821")]
    [InlineData("12:15:09 WARN otp failed user=2207 attempts=3")]
    [InlineData("Railsで`has_secure_password`を使うとパスワードはどこに保存されますか？")]
    [InlineData("Türkçe şifreniz en az 8 karakter olmalı")]
    public void ProsePhenomena_LookAlikes_AreNot(string text) => Assert.False(SensitiveScanner.IsSensitive(text), text);
}
