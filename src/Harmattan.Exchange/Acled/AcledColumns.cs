namespace Harmattan.Exchange.Acled;

/// <summary>The columns of an ACLED export, in the codebook's order; ours are written in this order and read by name.</summary>
internal static class AcledColumns
{
    public static readonly IReadOnlyList<string> All =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    /// <summary>The columns an ACLED file must have: without them a row cannot become an event.</summary>
    public static readonly IReadOnlyList<string> Required = ["event_id_cnty", "event_date", "event_type", "actor1"];

    /// <summary>ACLED's disorder type of an event type (codebook): political violence, demonstrations, or strategic developments.</summary>
    public static string DisorderType(string eventType) => eventType switch
    {
        "Battles" or "Violence against civilians" or "Explosions/Remote violence" => "Political violence",
        "Protests" or "Riots" => "Demonstrations",
        _ => "Strategic developments",
    };

    /// <summary>The actor type names of the codebook's inter codes.</summary>
    public static string InterName(int code) => code switch
    {
        1 => "State forces",
        2 => "Rebel group",
        3 => "Political militia",
        4 => "Identity militia",
        5 => "Rioters",
        6 => "Protesters",
        7 => "Civilians",
        8 => "External/Other forces",
        _ => "unknown",
    };
}
