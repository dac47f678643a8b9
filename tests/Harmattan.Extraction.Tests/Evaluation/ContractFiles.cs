using System.Text.Json;
using Harmattan.Extraction.Output;

namespace Harmattan.Extraction.Tests.Evaluation;

/// <summary>Writes a <see cref="GuidelinesDocument"/> as a prediction file; a null field is left out, as a missing key.</summary>
internal static class ContractFiles
{
    public static void Write(string path, GuidelinesDocument doc)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, GuidelinesJson.WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("entities");
        foreach (var e in doc.Entities)
        {
            w.WriteStartObject();
            Field(w, "id", e.Id);
            Field(w, "name", e.Name);
            Field(w, "type", e.Type);
            List(w, "aliases", e.Aliases);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("claims");
        foreach (var c in doc.Claims)
        {
            w.WriteStartObject();
            Field(w, "speaker", c.Speaker);
            Field(w, "cue", c.Cue);
            Field(w, "text", c.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("relations");
        foreach (var r in doc.Relations)
        {
            w.WriteStartObject();
            Field(w, "type", r.Type);
            Field(w, "source", r.Source);
            Field(w, "target", r.Target);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("events");
        foreach (var e in doc.Events)
        {
            w.WriteStartObject();
            Field(w, "type", e.Type);
            Field(w, "date", e.Date);
            List(w, "places", e.Places);
            List(w, "actors", e.Actors);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void List(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
