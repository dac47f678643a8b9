using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Harmattan.Cli;

/// <summary>The JSON every <c>--json</c> verb writes: snake_case, indented, enums as strings.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Report text is full of accents and quotes; keep it readable. Output is not embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly JsonSerializerOptions LineOptions = new(Options) { WriteIndented = false };

    public static void Write<T>(TextWriter output, T value) =>
        output.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>One value as one line (JSON Lines), for exports that a tool reads line by line.</summary>
    public static void WriteLine<T>(TextWriter output, T value) =>
        output.WriteLine(JsonSerializer.Serialize(value, LineOptions));
}
