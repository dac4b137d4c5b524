using FastBooking.Api.Tests.Support;
using FastBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FastBooking.Api.Tests.Database;

/// <summary>
/// The EF model maps the schema the migrations made. The migrations are hand-written SQL, so nothing else notices a
/// property whose column is missing, or has a type or nullability EF cannot read and write, before a request fails on it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SchemaTests(ApiFactory api) : ApiTest(api)
{
    /// <summary>An entity type and the tables it maps to, each as "schema.table".</summary>
    private sealed record MappedEntity(string Name, IReadOnlyList<string> Tables);

    /// <summary>A property and the column EF reads and writes it as.</summary>
    private sealed record MappedColumn(string Property, string Table, string Column, string StoreType, bool Nullable)
    {
        public override string ToString() => $"{Property} as {Table}.{Column}";
    }

    /// <summary>A column of the migrated schema: its type as PostgreSQL names it, without modifiers.</summary>
    private sealed record SchemaColumn(string Type, bool Nullable);

    [Fact]
    public async Task Every_mapped_table_exists_in_the_migrated_schema()
    {
        var (entities, _) = Model();
        var tables = await SchemaTablesAsync(entities.SelectMany(e => e.Tables));

        Assert.NotEmpty(entities);
        AssertNone("entity types without their table", entities.SelectMany(e => e.Tables.Count == 0
            ? [$"{e.Name} maps to no table"]
            : e.Tables.Where(t => !tables.Contains(t)).Select(t => $"{e.Name} maps to {t}")));
    }

    [Fact]
    public async Task Every_mapped_column_exists_in_the_migrated_schema()
    {
        var (_, columns) = Model();
        var schema = await SchemaColumnsAsync(columns);

        Assert.NotEmpty(columns);
        AssertNone("mapped columns missing from the schema", columns.Where(c => !schema.ContainsKey((c.Table, c.Column))).Select(c => $"{c}"));
    }

    [Fact]
    public async Task Every_mapped_column_has_its_migrated_type()
    {
        var (_, columns) = Model();
        var schema = await SchemaColumnsAsync(columns);
        var types = await CanonicalTypesAsync(columns.Select(c => c.StoreType));

        AssertNone("mapped columns of another type than the schema's", Migrated(columns, schema)
            .Where(c => types[c.Mapped.StoreType] != c.Migrated.Type)
            .Select(c => $"{c.Mapped}: EF {c.Mapped.StoreType}, schema {c.Migrated.Type}"));
    }

    [Fact]
    public async Task Every_mapped_column_has_its_migrated_nullability()
    {
        var (_, columns) = Model();
        var schema = await SchemaColumnsAsync(columns);

        AssertNone("mapped columns nullable on one side only", Migrated(columns, schema)
            .Where(c => c.Mapped.Nullable != c.Migrated.Nullable)
            .Select(c => $"{c.Mapped}: EF {Nullability(c.Mapped.Nullable)}, schema {Nullability(c.Migrated.Nullable)}"));
    }

    [Fact]
    public async Task Every_table_of_the_migrated_schema_is_mapped()
    {
        var (entities, _) = Model();
        var mapped = entities.SelectMany(e => e.Tables).ToHashSet();

        var tables = await SchemaTablesAsync(mapped);

        Assert.NotEmpty(tables);
        AssertNone("tables no entity type maps",
            tables.Where(t => !mapped.Contains(t) && TableName(t) != HistoryRepository.DefaultTableName));
    }

    [Fact]
    public async Task A_staff_member_s_overlapping_holds_are_found_through_the_holds_gist_index()
    {
        await using var connection = new NpgsqlConnection(ApiFactory.PostgresConnectionString);
        await connection.OpenAsync();
        // A table this small would be read whole: forbid that, to see which index the planner can use.
        await using (var noSeqScan = new NpgsqlCommand("SET enable_seqscan = off", connection)) await noSeqScan.ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand("""
            EXPLAIN SELECT 1 FROM holds
            WHERE staff_id = '00000000-0000-0000-0000-000000000001' AND busy && tstzmultirange(tstzrange(now(), now() + interval '1 hour'))
            """, connection);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.Contains(plan, line => line.Contains("holds_staff_busy"));
    }

    private static string Nullability(bool nullable) => nullable ? "NULL" : "NOT NULL";

    private static void AssertNone(string what, IEnumerable<string> problems)
    {
        var found = problems.Order(StringComparer.Ordinal).ToList();
        Assert.True(found.Count == 0, $"{what}:\n  {string.Join("\n  ", found)}");
    }

    /// <summary>The mapped columns the schema has, each with its migrated form (the missing ones fail another test).</summary>
    private static IEnumerable<(MappedColumn Mapped, SchemaColumn Migrated)> Migrated(
        IEnumerable<MappedColumn> columns, Dictionary<(string Table, string Column), SchemaColumn> schema) =>
        columns.Where(c => schema.ContainsKey((c.Table, c.Column))).Select(c => (c, schema[(c.Table, c.Column)]));

    /// <summary>The entity types with their tables, and every mapped column. Reading it starts the host, which migrates.</summary>
    private (IReadOnlyList<MappedEntity> Entities, IReadOnlyList<MappedColumn> Columns) Model()
    {
        using var scope = Api.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<FastBookingDb>().Model;
        var defaultSchema = model.GetDefaultSchema() ?? "public";
        string Qualified(ITableBase table) => $"{table.Schema ?? defaultSchema}.{table.Name}";

        var entities = model.GetEntityTypes()
            .Select(e => new MappedEntity(e.ClrType.Name, e.GetTableMappings().Select(m => Qualified(m.Table)).ToList())).ToList();
        var columns = model.GetEntityTypes().SelectMany(e => e.GetTableMappings().SelectMany(m => m.ColumnMappings.Select(c =>
            new MappedColumn($"{e.ClrType.Name}.{c.Property.Name}", Qualified(m.Table), c.Column.Name, c.Column.StoreType, c.Column.IsNullable))))
            .ToList();
        return (entities, columns);
    }

    private static string SchemaName(string qualified) => qualified[..qualified.IndexOf('.')];

    private static string TableName(string qualified) => qualified[(qualified.IndexOf('.') + 1)..];

    private static async Task<List<string>> SchemaTablesAsync(IEnumerable<string> mapped)
    {
        var tables = new List<string>();
        await QueryAsync("""
            SELECT table_schema || '.' || table_name FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema = ANY(@schemas)
            """, SchemasOf(mapped), reader => tables.Add(reader.GetString(0)));
        return tables;
    }

    private static async Task<Dictionary<(string Table, string Column), SchemaColumn>> SchemaColumnsAsync(IEnumerable<MappedColumn> mapped)
    {
        var columns = new Dictionary<(string, string), SchemaColumn>();
        await QueryAsync("""
            SELECT table_schema || '.' || table_name, column_name,
                   format_type(format('%I.%I', udt_schema, udt_name)::regtype, NULL), is_nullable = 'YES'
            FROM information_schema.columns WHERE table_schema = ANY(@schemas)
            """, SchemasOf(mapped.Select(c => c.Table)),
            reader => columns[(reader.GetString(0), reader.GetString(1))] = new SchemaColumn(reader.GetString(2), reader.GetBoolean(3)));
        return columns;
    }

    /// <summary>EF's store types as PostgreSQL names them ("int4" and "integer" alike), without modifiers; "?" for a type it does not know.</summary>
    private static async Task<Dictionary<string, string>> CanonicalTypesAsync(IEnumerable<string> storeTypes)
    {
        var types = new Dictionary<string, string>();
        await QueryAsync("SELECT t, coalesce(format_type(to_regtype(t), NULL), '?') FROM unnest(@types) AS t",
            new NpgsqlParameter("types", storeTypes.Distinct().ToArray()), reader => types[reader.GetString(0)] = reader.GetString(1));
        return types;
    }

    private static NpgsqlParameter SchemasOf(IEnumerable<string> tables) => new("schemas", tables.Select(SchemaName).Distinct().ToArray());

    private static async Task QueryAsync(string sql, NpgsqlParameter parameter, Action<NpgsqlDataReader> row)
    {
        await using var connection = new NpgsqlConnection(ApiFactory.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { parameter } };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) row(reader);
    }
}
