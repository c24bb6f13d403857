using System.Text;
using System.Text.Json;
using Majordomo.Chat;

namespace Majordomo.Providers.OpenAI;

/// <summary>
/// The Responses part of the shared pass (<c>POST /v1/responses</c>): <c>input</c> (a string or an array of
/// items), <c>instructions</c>, <c>previous_response_id</c>, <c>store</c> and <c>tools</c>, checked in the
/// same single read. Item types the gateway does not know (reasoning, hosted tool calls, references) are
/// accepted and skipped: a Responses upstream knows them, a translation drops them.
/// </summary>
internal static partial class OpenAIRequestReader
{
    /// <summary>What the pass learns of a Responses body, collected on the caller's frame.</summary>
    private struct ResponsesInput
    {
        public int Count;
        public bool Seen;
        public JsonSpan Value;
        public bool IsString;
        public string? PreviousId;
        public JsonSpan PreviousIdValue;
        public bool Store;
        public bool StoreSeen;
        public StringBuilder? Hosted;

        public readonly ResponsesFacts Facts()
        {
            if (!Seen)
            {
                throw new RequestValidationException("'input' is required: a string or an array of input items.", "input");
            }

            return new ResponsesFacts(Value, IsString, PreviousId, PreviousIdValue, !StoreSeen || Store, Hosted?.ToString());
        }
    }

    /// <summary>Reads a Responses-only property the reader is on; false (nothing consumed) for any other.</summary>
    private static bool ReadResponsesField(ref BodyReader reader, ref ResponsesInput input, ReadOnlySpan<byte> body, ToolHistory? tools)
    {
        if (reader.ValueTextEquals("input"u8))
        {
            reader.Read();
            input.Seen = true;
            input.Value = new JsonSpan((int)reader.TokenStartIndex, 0);
            if (reader.TokenType == JsonTokenType.String)
            {
                input.IsString = true;
                input.Count = 1;
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                input.Count = ReadItems(ref reader, body, tools);
            }
            else
            {
                throw new RequestValidationException("'input' must be a string or an array of input items.", "input");
            }

            input.Value = input.Value with { Length = (int)reader.BytesConsumed - input.Value.Start };
            return true;
        }

        if (reader.ValueTextEquals("instructions"u8))
        {
            reader.Read();
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.StartArray or JsonTokenType.Null))
            {
                throw new RequestValidationException("'instructions' must be a string.", "instructions");
            }

            reader.Skip();
            return true;
        }

        if (reader.ValueTextEquals("previous_response_id"u8))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0)
            {
                input.PreviousId = reader.GetString();
                input.PreviousIdValue = new JsonSpan((int)reader.TokenStartIndex, ValueLength(ref reader));
            }
            else if (reader.TokenType is not (JsonTokenType.Null or JsonTokenType.String))
            {
                throw new RequestValidationException("'previous_response_id' must be a string.", "previous_response_id");
            }

            return true;
        }

        if (reader.ValueTextEquals("store"u8))
        {
            reader.Read();
            if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null))
            {
                throw new RequestValidationException("'store' must be true or false.", "store");
            }

            input.StoreSeen = reader.TokenType != JsonTokenType.Null;
            input.Store = reader.TokenType == JsonTokenType.True;
            return true;
        }

        if (reader.ValueTextEquals("tools"u8))
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                ReadTools(ref reader, ref input);
            }
            else if (reader.TokenType != JsonTokenType.Null)
            {
                throw new RequestValidationException("'tools' must be an array of tool objects.", "tools");
            }

            return true;
        }

        return false;
    }

    /// <summary>Tool objects with a <c>type</c>; the hosted ones (not <c>function</c> or <c>namespace</c>) are named for the dropped-tools header.</summary>
    private static void ReadTools(ref BodyReader reader, ref ResponsesInput input)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RequestValidationException($"'tools[{index}]' must be an object with a 'type'.", $"tools[{index}]");
            }

            string? type = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else
                {
                    reader.Skip();
                }
            }

            if (string.IsNullOrEmpty(type))
            {
                throw new RequestValidationException($"'tools[{index}].type' is required (e.g. 'function').", $"tools[{index}].type");
            }

            if (type is not ("function" or "namespace"))
            {
                input.Hosted ??= new StringBuilder();
                if (input.Hosted.Length > 0)
                {
                    input.Hosted.Append(',');
                }

                input.Hosted.Append(type);
            }

            index++;
        }
    }

    /// <summary>The items of <c>input</c>: each an object; messages need a role and content, function calls their ids.</summary>
    private static int ReadItems(ref BodyReader reader, ReadOnlySpan<byte> body, ToolHistory? tools)
    {
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new RequestValidationException($"'input[{count}]' must be an input item object (a message, function_call or function_call_output).", $"input[{count}]");
            }

            ReadItem(ref reader, count, body, tools);
            count++;
        }

        if (tools is not null)
        {
            tools.MessagesEnd = (int)reader.TokenStartIndex;
        }

        return count;
    }

    // Paths are spelled out only for an error: a valid body allocates nothing per item.
    private static void ReadItem(ref BodyReader reader, int index, ReadOnlySpan<byte> body, ToolHistory? tools)
    {
        string? type = null;
        var message = default(ToolMessage);
        var hasRole = false;
        var hasContent = false;
        var hasCallId = false;
        var hasName = false;
        var hasOutput = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length == 0)
                {
                    throw new RequestValidationException($"'input[{index}].type' must be a non-empty string.", $"input[{index}].type");
                }

                type = reader.GetString();
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String ||
                    !(reader.ValueTextEquals("user"u8) || reader.ValueTextEquals("assistant"u8) || reader.ValueTextEquals("system"u8) || reader.ValueTextEquals("developer"u8)))
                {
                    throw new RequestValidationException($"'input[{index}].role' must be one of 'user', 'assistant', 'system' or 'developer'.", $"input[{index}].role");
                }

                message.Role = tools is null ? ToolRole.Other : ToolHistory.RoleOf(ref reader);
                hasRole = true;
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                var kind = reader.TokenType;
                ReadItemContent(ref reader, index);
                if (tools is not null)
                {
                    ToolHistory.NoteContent(ref message, new JsonSpan(start, (int)reader.BytesConsumed - start), kind);
                }

                hasContent = true;
            }
            else if (reader.ValueTextEquals("call_id"u8) || reader.ValueTextEquals("name"u8) || reader.ValueTextEquals("arguments"u8))
            {
                var isCallId = reader.ValueTextEquals("call_id"u8);
                var isName = reader.ValueTextEquals("name"u8);
                var name = isCallId ? "call_id" : isName ? "name" : "arguments";
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    throw new RequestValidationException($"'input[{index}].{name}' must be a string.", $"input[{index}].{name}");
                }

                hasCallId |= isCallId;
                hasName |= isName;
                if (tools is not null)
                {
                    NoteItemString(ref reader, ref message, isCallId, isName);
                }
            }
            else if (reader.ValueTextEquals("input"u8) && tools is not null)
            {
                // A custom_tool_call's free-form input (Codex's apply_patch): its arguments, for the loop guard.
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    message.Arguments = ToolHistory.ValueAt(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("output"u8))
            {
                reader.Read();
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.StartArray))
                {
                    throw new RequestValidationException($"'input[{index}].output' must be a string or an array of content parts.", $"input[{index}].output");
                }

                message.Result = ToolHistory.ValueAt(ref reader);
                hasOutput = true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        switch (type)
        {
            case null or "message":
                if (!hasRole)
                {
                    throw new RequestValidationException($"'input[{index}].role' is required for a message item.", $"input[{index}].role");
                }

                if (!hasContent)
                {
                    throw new RequestValidationException($"'input[{index}].content' is required for a message item.", $"input[{index}].content");
                }

                break;
            case "function_call":
                Require(hasCallId, index, "call_id", "a function_call item");
                Require(hasName, index, "name", "a function_call item");
                break;
            case "function_call_output":
                Require(hasCallId, index, "call_id", "a function_call_output item");
                Require(hasOutput, index, "output", "a function_call_output item");
                break;
        }

        if (tools is not null)
        {
            message.Item = type switch
            {
                "function_call" or "custom_tool_call" => ToolItem.Call,
                "function_call_output" or "custom_tool_call_output" => ToolItem.Output,
                _ => ToolItem.None,
            };
            tools.EndMessage(body, message);
        }
    }

    // A function_call or function_call_output item's call_id, name or arguments (the reader on the string value).
    private static void NoteItemString(ref BodyReader reader, ref ToolMessage message, bool isCallId, bool isName)
    {
        if (isCallId)
        {
            message.CallId = ToolHistory.ReadId(ref reader);
        }
        else if (isName)
        {
            message.Named = ToolHistory.ReadName(ref reader, out message.NameStart, out message.NameLength, hash: false) != 0;
        }
        else
        {
            message.Arguments = ToolHistory.ValueAt(ref reader);
        }
    }

    private static void Require(bool present, int index, string field, string what)
    {
        if (!present)
        {
            throw new RequestValidationException($"'input[{index}].{field}' is required for {what}.", $"input[{index}].{field}");
        }
    }

    /// <summary>A message item's content: a string or an array of typed parts (input_text, input_image, output_text, …).</summary>
    private static void ReadItemContent(ref BodyReader reader, int index)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new RequestValidationException($"'input[{index}].content' must be a string or an array of content parts.", $"input[{index}].content");
        }

        ReadParts(ref reader, "input", index);
    }
}
