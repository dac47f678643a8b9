using System.CommandLine;
using System.Text;
using System.Text.Json;
using Harmattan.Documents;
using Harmattan.Extraction.Output;
using Harmattan.Extraction.Pipeline;
using Harmattan.Ingest;
using Harmattan.Knowledge;
using Spectre.Console;

namespace Harmattan.Cli.Commands;

/// <summary>
/// <c>extract FILE...</c>: runs the pipeline without a store. One file gives the extraction contract's
/// JSON (with offsets, confidence and component on every item); several files or a folder give JSON
/// Lines, one document per line, extracted in parallel with the output in input order.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(CliEnvironment env)
    {
        var paths = new Argument<string[]>("FILE") { Description = "Report files, folders or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var published = new Option<string?>("--published") { Description = "Publication date (anchors dates without a year)." };
        var format = new Option<string>("--format")
        {
            Description = "json (one document), jsonl (one line per document) or text (a readable view).",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "text");
        var command = new Command("extract", "Extract entities, claims, events and relations from reports, without storing them.") { paths, published, format };
        command.SetAction(parse =>
        {
            var options = new ReadOptions { Published = CommonOptions.ParseDate(parse.GetValue(published), "--published") };
            var inputs = IngestInputs.Expand(parse.GetValue(paths)!, () => IngestInputs.ReadAll(env.OpenStdin(), options.MaxBytes)).ToList();
            var pipeline = Workspace.Pipeline(parse);
            var reader = Workspace.Reader();
            var chosen = parse.GetValue(format)!;
            if (chosen == "json" && inputs.Count > 1)
            {
                chosen = "jsonl";
            }

            var failed = 0;
            var results = inputs.AsParallel().AsOrdered()
                .WithMergeOptions(ParallelMergeOptions.NotBuffered)
                .Select(input => Run(reader, pipeline, input, options));
            foreach (var (input, source, extraction, error) in results)
            {
                if (error is not null)
                {
                    failed++;
                    env.Error.WriteLine($"failed     {error.Message}");
                    continue;
                }

                switch (chosen)
                {
                    case "json":
                        env.Output.WriteLine(Encoding.UTF8.GetString(GuidelinesJson.ToUtf8Bytes(source!.ContentHash, source.Title, source.Published, extraction!)));
                        break;
                    case "jsonl":
                        env.Output.WriteLine(Line(source!, extraction!));
                        break;
                    default:
                        WriteText(env, input, source!, extraction!);
                        break;
                }
            }

            return failed > 0 ? HarmattanCli.SomeInputsFailed : HarmattanCli.Ok;
        });
        return command;
    }

    private static (IngestInput Input, SourceDocument? Source, DocumentExtraction? Extraction, HarmattanException? Error) Run(
        DocumentReader reader, ExtractionPipeline pipeline, IngestInput input, ReadOptions options)
    {
        try
        {
            var source = input.Read(reader, options);
            var (extraction, published) = pipeline.ExtractDated(source.ContentHash, source.Text, source.Published);
            return (input, source with { Published = published }, extraction, null);
        }
        catch (HarmattanException e)
        {
            return (input, null, null, e);
        }
        catch (ExtractionException e)
        {
            // One document that trips a component must not stop the others.
            return (input, null, null, HarmattanError.ExtractionFailed.At(input.Name, e.Message, e));
        }
    }

    private static readonly JsonWriterOptions LineOptions = GuidelinesJson.WriterOptions with { Indented = false };

    private static string Line(SourceDocument source, DocumentExtraction extraction)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, LineOptions))
        {
            GuidelinesJson.Write(writer, source.ContentHash, source.Title, source.Published, extraction);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The text with each mention bracketed and typed, then the claims, events, relations and attributes.</summary>
    private static void WriteText(CliEnvironment env, IngestInput input, SourceDocument source, DocumentExtraction extraction)
    {
        var c = env.Console;
        var types = extraction.Entities.ToDictionary(e => e.Id, e => e, StringComparer.Ordinal);
        c.MarkupLine($"[bold]{Markup.Escape(source.Title)}[/] [dim]({Markup.Escape(input.Name)})[/]");
        var marked = new StringBuilder();
        var position = 0;
        foreach (var mention in extraction.Mentions.OrderBy(m => m.Span.Start))
        {
            if (mention.Span.Start < position)
            {
                continue;
            }

            var entity = types[mention.EntityId];
            marked.Append(Markup.Escape(source.Text[position..mention.Span.Start]));
            var colour = entity.Type switch
            {
                EntityType.Person => "green",
                EntityType.ArmedGroup => "red",
                EntityType.Organization => "blue",
                EntityType.Country => "yellow",
                EntityType.Place => "cyan",
                _ => "magenta",
            };
            var label = env.Interactive ? $"[{colour}]{Markup.Escape(mention.Surface)}[/]" : $"[[{Markup.Escape(mention.Surface)}|{entity.Type}]]";
            marked.Append(label);
            position = mention.Span.End;
        }

        marked.Append(Markup.Escape(source.Text[position..]));
        c.MarkupLine(marked.ToString());
        c.WriteLine();
        foreach (var entity in extraction.Entities)
        {
            var aliases = entity.Aliases.Count > 0 ? " = " + string.Join(" = ", entity.Aliases) : "";
            env.Output.WriteLine($"entity  {entity.Type,-12} {entity.Name}{aliases}");
        }

        foreach (var claim in extraction.Claims)
        {
            env.Output.WriteLine($"claim   {types[claim.SpeakerId].Name} {claim.Cue}: {claim.Text}");
        }

        foreach (var ev in extraction.Events)
        {
            var who = string.Join(", ", ev.ActorIds.Concat(ev.PlaceIds).Select(id => types[id].Name));
            env.Output.WriteLine($"event   {ev.Date.ToIso()} {ev.Type} {who}");
        }

        foreach (var relation in extraction.Relations)
        {
            env.Output.WriteLine($"relation {types[relation.SourceId].Name} {relation.Type} {types[relation.TargetId].Name}");
        }

        foreach (var attribute in extraction.Attributes)
        {
            var said = attribute.SpeakerId is { } speaker ? $" (said {types[speaker].Name})" : "";
            env.Output.WriteLine($"attribute {types[attribute.EntityId].Name} {attribute.Name} = {attribute.Value}{said}");
        }
    }
}
