using Harmattan.Knowledge;

namespace Harmattan.Extraction.Pipeline;

/// <summary>
/// Collects components in order and builds an immutable <see cref="ExtractionPipeline"/>, checking that
/// every layer a component requires is assigned by an earlier one and that names are unique.
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IComponent> _components = [];

    public PipelineBuilder Add(IComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _components.Add(component);
        return this;
    }

    public ExtractionPipeline Build()
    {
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var component in _components)
        {
            if (!names.Add(component.Name))
            {
                throw HarmattanError.BadPipeline.At(component.Name, "the component appears twice");
            }

            var missing = component.Requires.Where(layer => !assigned.Contains(layer)).ToList();
            if (missing.Count > 0)
            {
                throw HarmattanError.BadPipeline.At(
                    component.Name,
                    $"requires {string.Join(", ", missing)}, which no earlier component assigns");
            }

            assigned.UnionWith(component.Assigns);
        }

        return new ExtractionPipeline([.. _components]);
    }
}
