using System.Text;
using Majordomo.Chat;
using Majordomo.Classification;

namespace Majordomo.Tests.Classification;

/// <summary>
/// Probe 27 (where in the request a secret travels): places the request reader never handed to the scanner — an agent's
/// envelope around the only user turn (a CLAUDE.md in a <c>&lt;system-reminder&gt;</c>, a <c>.env</c> diff), a Codex
/// <c>&lt;user_instructions&gt;</c> message, an Anthropic text document, a Responses <c>custom_tool_call</c>'s input, an
/// Anthropic <c>thinking</c> block of an earlier assistant turn (leftovers of probes 20 and 27) —
/// each driven through a real request body of its protocol, with a twin of the same shape holding no secret.
/// </summary>
public sealed class SensitiveRequestPlacesTests
{
    private const string Responses = Majordomo.Providers.Responses.ResponsesProtocol.Id;

    public static TheoryData<string, string> SecretInAPlaceOnceUnread => new()
    {
        // Claude Code: a CLAUDE.md in the first (and only) user turn's envelope.
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"system":[{"type":"text","text":"You are Claude Code, Anthropic's official CLI for Claude."}],"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>\n# claudeMd\nContents of /srv/app/CLAUDE.md:\n\n- Staging DB: postgres://app_rw:Tq4!zWm8Kd@pg-stage.internal:5432/app\n</system-reminder>"},{"type":"text","text":"why do the integration tests time out?"}]}]}""" },

        // Claude Code: a file-changed note showing a .env line.
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>\nNote: /srv/app/.env was modified by the user. Here are the relevant changes:\n 7\tSTRIPE_SECRET_KEY=sk_live_51Hq8ZtLmWc3Rv9PxY2bKd7F\n</system-reminder>"},{"type":"text","text":"revert the log level change"}]}]}""" },

        // Claude Code in OpenAI shape, the envelope in a string content.
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":"<system-reminder>\nContents of CLAUDE.md:\n- deploy password: Lantern-Quiver-2291\n</system-reminder>\nadd a deploy script"}]}""" },

        // Codex: AGENTS.md as a bookkeeping message before the user's words.
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":"<user_instructions>\n# AGENTS.md\nUse the sandbox account: ADMIN_PASSWORD=Wq7-rTz4-Mvb9\n</user_instructions>"},{"role":"user","content":"<environment_context>\n  <cwd>/home/ivo/shop</cwd>\n</environment_context>"},{"role":"user","content":"fix the failing login test"}]}""" },

        // Codex over Responses, the same bookkeeping as input items.
        { Responses, """{"instructions":"You are Codex.","input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"<user_instructions>\nThe staging token is ghp_8ZqLm3Tx9Wc2Rv7PkY4bNd6Fh1Js5Ga0Ue3K\n</user_instructions>"}]},{"type":"message","role":"user","content":[{"type":"input_text","text":"list the open issues"}]}]}""" },

        // Anthropic: a text document in a user turn.
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"Lease\nTenant: Ines Vidal, DNI 50318274Q\nRent paid to IBAN ES76 2100 0813 6101 2345 6789"},"title":"lease.txt"},{"type":"text","text":"summarise the parties and the rent"}]}]}""" },

        // Anthropic: a content-sourced document, the type given after the content.
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"document","source":{"content":[{"type":"text","text":"W-2 2025"},{"type":"text","text":"Employee SSN: 532-71-4408"}],"type":"content"}},{"type":"text","text":"put box 1 in a table"}]}]}""" },

        // Anthropic: a document's context.
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"url","url":"https://example.org/form.pdf"},"context":"Filled in for Ruth Amsel, passport number C7H2K9L41"},{"type":"text","text":"is the form complete?"}]}]}""" },

        // Anthropic: a text document inside a tool's result.
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"read the note"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"read_note","input":{"id":"n1"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"alarm code 4 8 1 9, wifi password Fjord-Pebble-73"}}]}]}]}""" },

        // Responses: Codex's apply_patch as a custom tool call writing a secret into a file.
        { Responses, """{"input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"add the mail settings"}]},{"type":"custom_tool_call","call_id":"p1","name":"apply_patch","input":"*** Begin Patch\n*** Add File: .env\n+SMTP_PASSWORD=Vx9-qLm4-Rt7z\n*** End Patch"},{"type":"custom_tool_call_output","call_id":"p1","output":"Done"}]}""" },

        // Anthropic: the model recited a password in an earlier turn's thinking block, sent back with the history.
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"log in to the router and list the leases"},{"role":"assistant","content":[{"type":"thinking","thinking":"The notes say the admin password is Kestrel-Bay-4471, so I will use it with ssh.","signature":"EqQBCgIYAhIMq9"},{"type":"tool_use","id":"t1","name":"ssh","input":{"host":"10.0.0.1","cmd":"show dhcp leases"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"3 leases"}]}]}""" },
    };

    public static TheoryData<string, string> SamePlacesWithoutASecret => new()
    {
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"system":[{"type":"text","text":"You are Claude Code, Anthropic's official CLI for Claude."}],"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>\n# claudeMd\nContents of /srv/app/CLAUDE.md:\n\n- Staging DB: read DATABASE_URL from the environment, never commit it\n- Run `pnpm test` before pushing.\n</system-reminder>"},{"type":"text","text":"why do the integration tests time out?"}]}]}""" },
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>\nNote: /srv/app/.env was modified by the user. Here are the relevant changes:\n 7\tSTRIPE_SECRET_KEY=${STRIPE_SECRET_KEY}\n 8\tLOG_LEVEL=debug\n</system-reminder>"},{"type":"text","text":"revert the log level change"}]}]}""" },
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":"<user_instructions>\n# AGENTS.md\nThe sandbox password lives in 1Password under 'shop sandbox'; never write it into a file.\n</user_instructions>"},{"role":"user","content":"<environment_context>\n  <cwd>/home/ivo/shop</cwd>\n</environment_context>"},{"role":"user","content":"fix the failing login test"}]}""" },
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"Lease (model)\nTenant: [NAME], DNI [XXXXXXXX-X]\nRent paid to IBAN ES00 0000 0000 0000 0000 0000"},"title":"model.txt"},{"type":"text","text":"summarise the parties and the rent"}]}]}""" },
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"W-2 Wage and Tax Statement (SAMPLE)\nEmployee SSN: XXX-XX-1234\nEmployer EIN: XX-XXXXXXX\nBox 1 Wages: 50,000.00"}},{"type":"text","text":"put box 1 in a table"}]}]}""" },
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K"}},{"type":"text","text":"is this invoice paid?"}]}]}""" },
        // OpenClaw: the envelope's status footer after the user's question is no answer to it, now that it is read.
        { PromptView.OpenAIProtocol, """{"messages":[{"role":"system","content":"You are a personal assistant running inside OpenClaw."},{"role":"user","content":"[Sun 2026-12-06 09:12 UTC] should I change my passwords after that breach?\n\nRuntime: agent=main | session=agent:main:main | host=pi5 | shell=bash"}]}""" },
        { Responses, """{"input":[{"type":"message","role":"user","content":[{"type":"input_text","text":"add the mail settings"}]},{"type":"custom_tool_call","call_id":"p1","name":"apply_patch","input":"*** Begin Patch\n*** Add File: .env.example\n+SMTP_PASSWORD=\n+SMTP_HOST=smtp.example.org\n*** End Patch"},{"type":"custom_tool_call_output","call_id":"p1","output":"Done"}]}""" },

        // Anthropic: thinking with no secret, and a redacted_thinking block whose data is the provider's ciphertext (no text).
        { PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"log in to the router and list the leases"},{"role":"assistant","content":[{"type":"thinking","thinking":"The admin password is in the vault; I will ask the ssh tool to use the stored key.","signature":"EqQBCgIYAhIMq9"},{"type":"redacted_thinking","data":"EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpPkNRj2YfWXGmKDxH4mPnZ5sQ7vB8="},{"type":"tool_use","id":"t1","name":"ssh","input":{"host":"10.0.0.1","cmd":"show dhcp leases"}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"3 leases"}]}]}""" },
    };

    // Probe 27's values read and judged wrongly, each look-alike beside its secret twin in the same container.
    [Theory]
    [InlineData("host: 10.0.0.9\nuser: ops\npassword_ref: vault:routers/edge-02\ncmd: show arp", false)]
    [InlineData("host: 10.0.0.9\nuser: ops\npassword: Heron-Slate-5521\ncmd: show arp", true)]
    [InlineData("ssid: Casa-Ospiti\npassword_mode: generate\ndeliver_to: sms:owner", false)]
    [InlineData("DB_PASSWORD_REF=op://platform/pg-main/password", false)]
    [InlineData("Add a hook that rejects any staged line with -----BEGIN RSA PRIVATE KEY----- in it.", false)]
    [InlineData("key.pem:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEogIBAAKCAQEAq9Lr4Xw2mZ7pT1vY8cB3nK6hJ0sF5dG2aE9oU4iQ7pM1tX3\n-----END RSA PRIVATE KEY-----", true)]
    [InlineData("key.pem: -----BEGIN EC PRIVATE KEY----- MHcCAQEEIBv7Lq2Xz9Wm4Tp8Rk3Nd6Yc1Hs5Jf0Ga2Ue7Qo", true)]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F2A9C7E1B4D8A06", true)]
    [InlineData("{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\\\n-----END PRIVATE KEY-----\"}", true)]
    [InlineData("smtp_sasl_password_maps = hash:/etc/postfix/sasl_passwd\n# /etc/postfix/sasl_passwd\n[smtp.example.net]:587 relay@shop.example:Kq4VtRzWp8LmNc2H", true)]
    [InlineData("A fixture may use AKIAXXXXXXXXXXXXXXXX as the access key id.", false)]
    [InlineData("The leaked access key id was AKIA3MZQ7TXW2RLK9BNV.", true)]
    [InlineData("smtp_password: ENC[AES256_GCM,data:Wq3mZ8xL,iv:Rk7tY2vN9cB4hJ1sD6fA0gE3uX5wZ8q=,tag:Lm2Pq9Rt4Vx7Bn1Cz3Kd6Q==,type:str]", false)]
    [InlineData("smtp_password: Quarry-Linden-3307", true)]
    public void ValueBesideItsLookAlike_IsReadByWhatItIs(string text, bool sensitive) =>
        Assert.Equal(sensitive, SensitivePrefilter.Scan(text) != SensitiveKind.None);

    [Theory]
    [MemberData(nameof(SecretInAPlaceOnceUnread))]
    public void SecretInAPlaceOnceUnread_IsSensitive(string protocol, string body) =>
        Assert.NotEqual(SensitiveKind.None, Scan(protocol, body));

    [Theory]
    [MemberData(nameof(SamePlacesWithoutASecret))]
    public void SamePlacesWithoutASecret_AreNot(string protocol, string body) =>
        Assert.Equal(SensitiveKind.None, Scan(protocol, body));

    [Fact]
    public void UserText_OneEnvelopedTurn_HoldsTheEnvelopeWhileTheWordsDoNot()
    {
        using var view = Parse(PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"<system-reminder>\nproject notes\n</system-reminder>"},{"type":"text","text":"run the tests"}]}]}""");

        Assert.Equal("run the tests", view.LastUserText);
        Assert.Contains("project notes", view.UserText, StringComparison.Ordinal);
        Assert.Equal("run the tests".Length, view.UserTurnsChars);
    }

    [Fact]
    public void UserText_BookkeepingFirst_KeepsEveryTurnWholeAndTheFeaturesCount()
    {
        using var view = Parse(PromptView.OpenAIProtocol, """{"messages":[{"role":"user","content":"<environment_context><cwd>/a</cwd></environment_context>"},{"role":"user","content":"one"},{"role":"user","content":"two"}]}""");

        Assert.Equal("<environment_context><cwd>/a</cwd></environment_context>\none\ntwo", view.UserText.ReplaceLineEndings("\n"));
        Assert.Equal("two", view.LastUserText);

        // The count the model was trained on: the words of the turn before the first later one, later turns whole.
        Assert.Equal("one\ntwo".Length, view.UserTurnsChars);
    }

    [Fact]
    public void DocumentChars_TextAndContentSources_ReadBase64Not()
    {
        using var view = Parse(PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":[{"type":"document","source":{"data":"plain doc","media_type":"text/plain","type":"text"}},{"type":"document","source":{"type":"base64","media_type":"application/pdf","data":"JVBERi0x"}},{"type":"document","source":{"type":"content","content":[{"type":"text","text":"block doc"}]},"context":"its context"},{"type":"text","text":"compare them"}]}]}""");

        Assert.Equal("plain doc\nblock doc\nits context", view.DocumentChars.ToString().ReplaceLineEndings("\n"));
        Assert.Equal("compare them", view.LastUserText);
        Assert.Equal(3, view.MediaParts);
        Assert.Equal("plain doc".Length + "block doc".Length + "its context".Length + "compare them".Length, view.TextChars);
    }

    [Fact]
    public void ToolResultText_ADocumentInAToolResult_IsTheToolsOutput()
    {
        using var view = Parse(PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"read it"},{"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"read","input":{}}]},{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":[{"type":"document","source":{"type":"text","data":"the note"}}]}]}]}""");

        Assert.Equal("the note", view.ToolResultText);
        Assert.True(view.DocumentChars.IsEmpty);
    }

    [Fact]
    public void AssistantChars_ACustomToolCallsInput_IsReadLikeArguments()
    {
        using var view = Parse(Responses, """{"input":[{"type":"message","role":"user","content":"patch it"},{"type":"custom_tool_call","call_id":"p1","name":"apply_patch","input":"*** Begin Patch"},{"type":"custom_tool_call_output","call_id":"p1","output":"Done"}]}""");

        Assert.Contains("*** Begin Patch", view.AssistantChars.ToString(), StringComparison.Ordinal);
        Assert.Equal("Done", view.ToolResultText);
    }

    [Fact]
    public void AssistantChars_AThinkingBlock_IsTheModelsTextAndRedactedThinkingIsNot()
    {
        using var view = Parse(PromptView.AnthropicProtocol, """{"max_tokens":100,"messages":[{"role":"user","content":"go"},{"role":"assistant","content":[{"type":"thinking","thinking":"first I \"plan\"","signature":"sig"},{"type":"redacted_thinking","data":"Q2lwaGVy"},{"type":"text","text":"planned"}]},{"role":"user","content":"next"}]}""");

        Assert.Equal("first I \"plan\"\nplanned", view.AssistantChars.ToString().ReplaceLineEndings("\n"));
        Assert.DoesNotContain("Q2lwaGVy", view.AssistantChars.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sig", view.AssistantChars.ToString(), StringComparison.Ordinal);
    }

    private static PromptView Parse(string protocol, string body) => PromptView.Parse(Encoding.UTF8.GetBytes(body), protocol);

    private static SensitiveKind Scan(string protocol, string body)
    {
        using var view = Parse(protocol, body);
        return HeuristicClassifier.Sensitive(view);
    }
}
