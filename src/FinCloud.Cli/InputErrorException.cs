using System.Text.Json;

namespace FinCloud.Cli;

/// <summary>
/// Bad input from the user (malformed JSON, unknown enum value, missing field, impossible date):
/// the command exits with code 2 and writes <c>{"error":{"code","message","path"}}</c> to stderr, nothing to stdout.
/// </summary>
public sealed class InputErrorException(string code, string message, string? path = null) : Exception(message)
{
    public string Code { get; } = code;

    public string? Path { get; } = path;

    public const int ExitCode = 2;

    public static int Write(TextWriter stderr, string code, string message, string? path)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", code);
            json.WriteString("message", message);
            if (path is null)
            {
                json.WriteNull("path");
            }
            else
            {
                json.WriteString("path", path);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stderr.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return ExitCode;
    }
}
