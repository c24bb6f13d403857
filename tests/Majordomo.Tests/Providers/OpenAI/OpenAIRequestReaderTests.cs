using System.Text;
using Majordomo.Chat;
using Majordomo.Providers.OpenAI;

namespace Majordomo.Tests.Providers.OpenAI;

public class OpenAIRequestReaderTests
{
    private const string Messages = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";

    private static ChatRequest Parse(string json) => OpenAIRequestReader.Parse(Encoding.UTF8.GetBytes(json));

    private static RequestValidationException Invalid(string json) =>
        Assert.Throws<RequestValidationException>(() => OpenAIRequestReader.Parse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Parse_MinimalRequest_ExtractsModelAndDefaults()
    {
        var request = Parse("{\"model\":\"gpt-4.1\"," + Messages + "}");

        Assert.Equal("gpt-4.1", request.Model);
        Assert.False(request.Stream);
        Assert.False(request.ClientWantsUsage);
        Assert.Equal(1, request.MessageCount);
        Assert.Equal("openai", request.Protocol);
        Assert.Equal(RequestMetadata.Empty, request.Metadata);
    }

    [Fact]
    public void Parse_StreamWithIncludeUsage_ReadsBoth()
    {
        var request = Parse("{" + Messages + ",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"model\":\"m\"}");

        Assert.True(request.Stream);
        Assert.True(request.ClientWantsUsage);
    }

    [Theory]
    [InlineData("\"stream\":false", false, false)]
    [InlineData("\"stream\":null", false, false)]
    [InlineData("\"stream\":true,\"stream_options\":{\"include_usage\":false}", true, false)]
    [InlineData("\"stream\":true,\"stream_options\":{\"other\":{\"include_usage\":true}}", true, false)]
    [InlineData("\"stream\":true,\"stream_options\":null", true, false)]
    public void Parse_StreamVariants_ReadCorrectly(string fields, bool stream, bool wantsUsage)
    {
        var request = Parse("{\"model\":\"m\"," + fields + "," + Messages + "}");

        Assert.Equal(stream, request.Stream);
        Assert.Equal(wantsUsage, request.ClientWantsUsage);
    }

    [Fact]
    public void Parse_Metadata_ReadsRoutingKeysAndIgnoresOthers()
    {
        var request = Parse("{\"model\":\"m\"," + Messages + ",\"metadata\":{\"source\":\"heartbeat\",\"channel\":\"slack\",\"extra\":{\"session\":\"nested\"},\"session\":\"s-1\",\"kind\":\"run\",\"profile\":\"premium\",\"n\":5}}");

        Assert.Equal(new RequestMetadata("heartbeat", "slack", "s-1", "run", "premium"), request.Metadata);
    }

    [Fact]
    public void Parse_MetadataValuesNotUsableStrings_AreIgnored()
    {
        var request = Parse("{\"model\":\"m\"," + Messages + ",\"metadata\":{\"source\":5,\"channel\":\" \",\"session\":\"" + new string('s', 300) + "\",\"kind\":{\"a\":1}}}");

        Assert.Equal(RequestMetadata.Empty, request.Metadata);
    }

    [Theory]
    [InlineData("\"model\":null")]
    [InlineData("\"model\":\"\"")]
    [InlineData("\"model\":\"   \"")]
    public void Parse_AbsentOrBlankModel_IsNull(string modelField)
    {
        Assert.Null(Parse("{" + modelField + "," + Messages + "}").Model);
    }

    [Fact]
    public void Parse_NoModelField_IsNull()
    {
        Assert.Null(Parse("{" + Messages + "}").Model);
    }

    [Fact]
    public void Parse_UnknownFieldsIncludingNestedModelKeys_AreIgnored()
    {
        var request = Parse("""
            {"tools":[{"type":"function","function":{"name":"f","parameters":{"model":5,"stream":"x"}}}],
             "response_format":{"type":"json_schema","json_schema":{"messages":[]}},
             "x-vendor":[1,2,{"a":null}], "model":"m", "messages":[{"role":"system","content":[{"type":"text","role":5}]},{"role":"user","content":"q"}]}
            """);

        Assert.Equal("m", request.Model);
        Assert.False(request.Stream);
        Assert.Equal(2, request.MessageCount);
    }

    [Fact]
    public void Parse_EscapedPropertyName_IsRecognised()
    {
        Assert.Equal("m", Parse("{\"mod\\u0065l\":\"m\"," + Messages + "}").Model);
    }

    [Fact]
    public void Parse_EmptyBody_ExplainsWhatIsExpected()
    {
        var ex = Assert.Throws<RequestValidationException>(() => OpenAIRequestReader.Parse(ReadOnlyMemory<byte>.Empty));

        Assert.Equal("The request body is empty; expected a JSON object with 'model' and 'messages'.", ex.Message);
        Assert.Equal("The request body is empty; expected a JSON object with 'model' and 'messages'.", Invalid("   ").Message);
        Assert.Equal("The request body is empty; expected a JSON object with 'model' and 'messages'.", Invalid(" \n\t\r ").Message); // JSON whitespace only
    }

    [Theory]
    [InlineData("{\"model\":")]
    [InlineData("{\"model\":\"m\",")]
    [InlineData("{'model':'m'}")]
    [InlineData("{\"model\":\"m\" // comment\n}")]
    public void Parse_MalformedJson_IsNotValidJson(string json)
    {
        var ex = Invalid(json);

        Assert.StartsWith("The request body is not valid JSON", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.Param);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Parse_NonObjectRoot_MustBeAnObject(string json)
    {
        Assert.Equal("The request body must be a JSON object.", Invalid(json).Message);
    }

    [Theory]
    [InlineData("\"model\":5", "'model' must be a string.", "model")]
    [InlineData("\"model\":[\"a\"]", "'model' must be a string.", "model")]
    [InlineData("\"model\":\"m\",\"stream\":\"yes\"", "'stream' must be true or false.", "stream")]
    [InlineData("\"model\":\"m\",\"stream\":1", "'stream' must be true or false.", "stream")]
    [InlineData("\"model\":\"m\",\"stream_options\":true", "'stream_options' must be an object.", "stream_options")]
    [InlineData("\"model\":\"m\",\"stream_options\":{\"include_usage\":\"yes\"}", "'stream_options.include_usage' must be true or false.", "stream_options.include_usage")]
    [InlineData("\"model\":\"m\",\"max_tokens\":-5", "'max_tokens' must be a positive integer.", "max_tokens")]
    [InlineData("\"model\":\"m\",\"max_tokens\":\"10\"", "'max_tokens' must be a positive integer.", "max_tokens")]
    [InlineData("\"model\":\"m\",\"max_tokens\":1.5", "'max_tokens' must be a positive integer.", "max_tokens")]
    [InlineData("\"model\":\"m\",\"max_completion_tokens\":0", "'max_completion_tokens' must be a positive integer.", "max_completion_tokens")]
    [InlineData("\"model\":\"m\",\"tools\":\"x\"", "'tools' must be an array of tool objects.", "tools")]
    [InlineData("\"model\":\"m\",\"tools\":[{\"type\":\"function\"},7]", "'tools[1]' must be an object.", "tools[1]")]
    [InlineData("\"model\":\"m\",\"temperature\":\"hot\"", "'temperature' must be a number.", "temperature")]
    [InlineData("\"model\":\"m\",\"n\":[1]", "'n' must be a positive integer.", "n")]
    [InlineData("\"model\":\"m\",\"stop\":5", "'stop' must be a string or an array of strings.", "stop")]
    [InlineData("\"model\":\"m\",\"tool_choice\":5", "'tool_choice' must be a string or an object.", "tool_choice")]
    [InlineData("\"model\":\"m\",\"response_format\":\"json\"", "'response_format' must be an object.", "response_format")]
    [InlineData("\"model\":\"m\",\"parallel_tool_calls\":\"no\"", "'parallel_tool_calls' must be true or false.", "parallel_tool_calls")]
    public void Parse_WrongFieldType_NamesTheParam(string fields, string message, string param)
    {
        var ex = Invalid("{" + fields + "," + Messages + "}");

        Assert.Equal(message, ex.Message);
        Assert.Equal(param, ex.Param);
    }

    [Theory]
    [InlineData("{\"model\":\"m\"}", "'messages' is required: an array with at least one message.", "messages")]
    [InlineData("{\"model\":\"m\",\"messages\":[]}", "'messages' must contain at least one message.", "messages")]
    [InlineData("{\"model\":\"m\",\"messages\":{\"role\":\"user\"}}", "'messages' must be an array of message objects.", "messages")]
    [InlineData("{\"model\":\"m\",\"messages\":null}", "'messages' must be an array of message objects.", "messages")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"user\"},\"hi\"]}", "'messages[1]' must be an object with a 'role'.", "messages[1]")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"content\":\"hi\"}]}", "'messages[0].role' is required.", "messages[0].role")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"content\":[{\"type\":\"text\",\"role\":\"user\"}]}]}", "'messages[0].role' is required.", "messages[0].role")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"\"}]}", "'messages[0].role' must be a non-empty string.", "messages[0].role")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":7}]}", "'messages[0].role' must be a non-empty string.", "messages[0].role")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}", "'messages[0].role' must be one of 'system', 'developer', 'user', 'assistant', 'tool' or 'function'.", "messages[0].role")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":42}]}", "'messages[0].content' must be a string, an array of content parts or null.", "messages[0].content")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":{}}]}", "'messages[0].content' must be a string, an array of content parts or null.", "messages[0].content")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[1]}]}", "'messages[0].content[0]' must be an object with a 'type'.", "messages[0].content[0]")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}", "'messages[0].content[0].type' is required.", "messages[0].content[0].type")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":3}]}]}", "'messages[0].content[1].type' must be a non-empty string.", "messages[0].content[1].type")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\",\"tool_calls\":\"x\"}]}", "'messages[1].tool_calls' must be an array of tool calls.", "messages[1].tool_calls")]
    [InlineData("{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[7]}]}", "'messages[0].tool_calls[0]' must be a tool call object.", "messages[0].tool_calls[0]")]
    public void Parse_BadMessages_ClearMessageAndParam(string json, string message, string param)
    {
        var ex = Invalid(json);

        Assert.Equal(message, ex.Message);
        Assert.Equal(param, ex.Param);
    }

    [Theory]
    [InlineData("{\"model\":\"m\"," + Messages + "} x")]
    [InlineData("{\"model\":\"m\"," + Messages + "}{}")]
    [InlineData("{\"model\":\"m\"," + Messages + "}]")]
    public void Parse_TrailingDataAfterTheObject_IsRejected(string json)
    {
        var ex = Invalid(json);

        Assert.True(
            ex.Message.StartsWith("The request body is not valid JSON", StringComparison.Ordinal) || ex.Message == "The request body has data after the JSON object.",
            ex.Message);
    }

    [Fact]
    public void Parse_TrailingWhitespace_IsAccepted()
    {
        Assert.Equal("m", Parse("  {\"model\":\"m\"," + Messages + "} \r\n\t ").Model);
    }

    [Fact]
    public void Parse_VeryDeepNesting_RejectedAsInvalidJson()
    {
        var deep = new string('[', 5000) + new string(']', 5000);

        var ex = Invalid("{\"model\":\"m\"," + Messages + ",\"x\":" + deep + "}");

        Assert.StartsWith("The request body is not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeepNestingInsideMessages_RejectedAsInvalidJson()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300);

        var ex = Invalid("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"x\":" + deep + "}]}]}");

        Assert.StartsWith("The request body is not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8_RejectedAsInvalidUtf8()
    {
        var body = Encoding.UTF8.GetBytes("{\"model\":\"m\u00e9\"," + Messages + "}");
        body[11] = 0xFF;

        var ex = Assert.Throws<RequestValidationException>(() => OpenAIRequestReader.Parse(body));

        Assert.Equal("The request body is not valid UTF-8.", ex.Message);
    }

    [Fact]
    public void Parse_ValidBody_KeptByReference()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"model\":\"m\"," + Messages + "}");

        var request = OpenAIRequestReader.Parse(bytes);

        Assert.True(request.Body.Span == bytes.AsSpan());
    }

    [Theory]
    [InlineData("\"max_tokens\":null,\"temperature\":null,\"tools\":null,\"stop\":null")]
    [InlineData("\"max_tokens\":1E+2,\"n\":1.0,\"seed\":-0,\"temperature\":1e-7,\"stop\":[\"x\"],\"tool_choice\":\"auto\"")]
    [InlineData("\"tools\":[],\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"f\"}},\"response_format\":{\"type\":\"json_object\"}")]
    public void Parse_WellTypedOptionalFields_Accepted(string fields)
    {
        Assert.Equal("m", Parse("{\"model\":\"m\"," + fields + "," + Messages + "}").Model);
    }

    [Theory]
    [InlineData("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}")]
    [InlineData("{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"be brief\"}]}")]
    [InlineData("{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"ok\"}")]
    [InlineData("{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AA\"}}]}")]
    public void Parse_EveryRoleAndContentShape_Accepted(string message)
    {
        Assert.Equal(1, Parse("{\"model\":\"m\",\"messages\":[" + message + "]}").MessageCount);
    }
}
