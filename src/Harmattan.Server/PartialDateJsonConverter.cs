using System.Text.Json;
using System.Text.Json.Serialization;
using Harmattan.Knowledge;

namespace Harmattan.Server;

/// <summary>Writes a partial date as its ISO form (2012, 2012-03, 2012-03-22), as the CLI's JSON does.</summary>
internal sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && PartialDate.TryParse(text, out var date)
            ? date
            : throw new JsonException($"'{text}' is not a date like 2012, 2012-03 or 2012-03-22");
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToIso());
}
