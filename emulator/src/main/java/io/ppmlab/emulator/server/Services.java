package io.ppmlab.emulator.server;

import io.ppmlab.emulator.access.ActionSecurityGuard;
import io.ppmlab.emulator.access.Impersonator;
import io.ppmlab.emulator.access.SecurityGuard;
import io.ppmlab.emulator.access.SecurityModelLoader;
import io.ppmlab.emulator.access.SecurityState;
import io.ppmlab.emulator.access.SecurityTablesWatch;
import io.ppmlab.roles.RoleCatalog;
import io.ppmlab.emulator.auth.AuthSettings;
import io.ppmlab.emulator.auth.Authenticator;
import io.ppmlab.emulator.auth.CredentialFile;
import io.ppmlab.emulator.auth.OpenIdDocuments;
import io.ppmlab.emulator.auth.SigningKeys;
import io.ppmlab.emulator.auth.StoredIdentities;
import io.ppmlab.emulator.auth.TokenIssuer;
import io.ppmlab.emulator.auth.TokenVerifier;
import io.ppmlab.emulator.clock.LabClock;
import io.ppmlab.emulator.cost.CostModel;
import io.ppmlab.emulator.cost.CostProfile;
import io.ppmlab.emulator.metrics.LabMetrics;
import io.ppmlab.emulator.protection.ServiceProtection;
import io.ppmlab.emulator.protection.WebServers;
import io.ppmlab.emulator.store.CountingStore;
import io.ppmlab.emulator.store.LabRegression;
import io.ppmlab.emulator.odata.ServiceModel;
import io.ppmlab.emulator.odata.UriParser;
import io.ppmlab.emulator.batch.BatchOperations;
import io.ppmlab.emulator.operations.Dispatcher;
import io.ppmlab.emulator.operations.WriteRules;
import io.ppmlab.emulator.operations.bulk.BulkOperations;
import io.ppmlab.emulator.operations.bulk.OperationsFactory;
import io.ppmlab.emulator.product.AssignedToShares;
import io.ppmlab.emulator.query.index.Children;
import io.ppmlab.emulator.product.OwnerReadCheck;
import io.ppmlab.emulator.product.ProductRules;
import io.ppmlab.emulator.operations.actions.ActionRouter;
import io.ppmlab.emulator.operations.FunctionOperations;
import io.ppmlab.emulator.operations.RowOperations;
import io.ppmlab.emulator.query.QueryEngine;
import io.ppmlab.emulator.operations.StoreKeyResolver;
import io.ppmlab.emulator.operations.SystemColumns;
import io.ppmlab.emulator.operations.VersionSequence;
import io.ppmlab.emulator.product.GroupSyncSettings;
import io.ppmlab.emulator.product.Product;
import io.ppmlab.emulator.product.process.ProcessLimits;
import io.ppmlab.emulator.product.process.ScheduledProcesses;
import io.ppmlab.emulator.product.Subscription;
import io.ppmlab.emulator.product.status.StatusUpdates;
import io.ppmlab.emulator.product.settings.SettingsActions;
import io.ppmlab.emulator.odata.ProductOperations;
import io.ppmlab.emulator.query.index.IndexSource;
import io.ppmlab.emulator.query.index.IndexedStore;
import io.ppmlab.emulator.query.index.TableIndex;
import io.ppmlab.emulator.resourcing.CalendarWatch;
import io.ppmlab.emulator.resourcing.Resourcing;
import io.ppmlab.emulator.resourcing.ResourcingSettings;
import io.ppmlab.emulator.payload.RowReader;
import io.ppmlab.emulator.payload.RowWriter;
import io.ppmlab.emulator.seed.DatasetLoader;
import io.ppmlab.emulator.meter.StorageMeter;
import io.ppmlab.emulator.store.ChronicleStore;
import io.ppmlab.emulator.store.Durability;
import io.ppmlab.emulator.store.Store;
import io.ppmlab.emulator.store.StoreOptions;
import io.ppmlab.schema.Schema;
import io.ppmlab.schema.SchemaLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The emulator's object graph, built once from a {@link ServerConfig}: dependencies through constructors. */
public final class Services implements AutoCloseable {
    private final int port;
    private final LabClock clock;
    private final Store store;
    private final TokenIssuer tokenIssuer;
    private final OpenIdDocuments openIdDocuments;
    private final DataverseApi api;
    private final Lab lab;
    private final Platform platform;

    /** The platform around the Web API: service protection, cost model, metrics, latency injection. */
    record Platform(DataverseApi.Realism realism, LabMetrics metrics, LatencySettings latency, Schema schema, Authenticator authenticator) {}

    /** The product's behaviours and the lab's own routes onto them. */
    private record Lab(Product product, LabGroupRoutes groups, Resourcing resourcing, ScheduledProcesses processes) {}

    private Services(int port, LabClock clock, Store store, TokenIssuer tokenIssuer, OpenIdDocuments openIdDocuments, DataverseApi api, Lab lab,
                     Platform platform) {
        this.platform = platform;
        this.port = port;
        this.clock = clock;
        this.store = store;
        this.tokenIssuer = tokenIssuer;
        this.openIdDocuments = openIdDocuments;
        this.api = api;
        this.lab = lab;
    }

    static Services open(ServerConfig config, Consumer<String> log) {
        return open(config, log, config.platform().clock().create());
    }

    /** Opens the graph over {@code clock} (a reopened graph keeps the clock of the one it replaces). */
    static Services open(ServerConfig config, Consumer<String> log, LabClock clock) {
        long started = System.nanoTime();
        Schema schema = SchemaLoader.loadDefault();
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatasetLoader.generateIfEmpty(config.dataset(), config.dataDir(), schema, clock, log); // generated profiles: sized tables, written before the store opens
        // CalendarWatch: resourcing recomputes capacity after writes to calendars, exceptions, resources or settings.
        // IndexedStore: secondary indexes (owner, owning BU, lookups), kept in step with every write below it.
        ChronicleStore chronicle = new ChronicleStore(config.dataDir(), schema,
                StoreOptions.defaults().withDurability(config.fsync() ? Durability.FSYNC : Durability.JOURNAL));
        log.accept(chronicle.recoveryReport().summary());
        IndexedStore indexed = new IndexedStore(chronicle, schema, config.dayIndexes() ? TableIndex.WITH_DAYS : TableIndex.DEFAULT_COLUMNS);
        CalendarWatch calendars = new CalendarWatch(indexed);
        // CountingStore: rows fetched, scanned and written by the request being served (the cost model's inputs);
        // above the indexes, so that building an index on first use is charged to no request.
        // LabRegression (test only, off by default): above the counter, so its extra reads are counted.
        LabRegression regression = config.platform().regression();
        if (!(regression instanceof LabRegression.Off)) log.accept("LAB REGRESSION ON (test only): " + regression.describe());
        SecurityTablesWatch store = new SecurityTablesWatch(regression.wrap(new CountingStore(calendars)));
        Product product = null;
        Resourcing resourcing = null;
        ScheduledProcesses processes = null;
        try {
            seedIfEmpty(config, schema, store, log);
            CredentialFile credentials = CredentialFile.read(config.dataDir())
                    .orElse(new CredentialFile(UUID.randomUUID(), List.of(), List.of()));
            int port = config.port() == 0 ? freePort(config.bind()) : config.port();
            String base = "http://" + config.bind() + ":" + port;
            AuthSettings settings = AuthSettings.local(base, credentials.tenantId())
                    .withAudiences("http://localhost:" + port, "http://127.0.0.1:" + port)
                    .withTokenLifetime(config.tokenLifetime());
            SigningKeys keys = SigningKeys.loadOrCreate(config.dataDir());
            StoredIdentities identities = new StoredIdentities(store, credentials);
            TokenIssuer issuer = new TokenIssuer(keys, identities, settings, clock);
            SecurityState security = new SecurityState(store, new SecurityModelLoader(RoleCatalog.loadDefault()));
            Authenticator authenticator = new Authenticator(new TokenVerifier(keys, settings, clock), identities, store, security::changes);

            ServiceModel model = ServiceModel.of(schema);
            store.notify(security);
            VersionSequence versions = new VersionSequence(config.dataDir().resolve("versionnumber"));
            SystemColumns system = new SystemColumns(store, clock, versions);
            // The product's write rules and group sync; cascades find children through the indexes.
            product = Product.open(new Product.Wiring(schema, store, system, security, indexed, clock, config.dataDir(),
                    GroupSyncSettings.from(System::getProperty, System::getenv)));
            // Capacity over the horizon (background) and the resourcing actions, registered on every action router below.
            resourcing = Resourcing.open(new Resourcing.Wiring(schema, store, calendars, versions, clock, config.dataDir(),
                    ResourcingSettings.Knobs.from(System::getProperty, System::getenv), log));
            // Every operation over a store, built one way for the emulator's store and for the write buffer of each
            // change set and bulk message ($batch commits a change set in one Store.apply).
            UriParser parser = new UriParser(model);
            // The product's own queries (a process's FetchXML) run through the Web API's dispatcher as their user.
            InternalReads reads = new InternalReads(parser, base + "/api/data/v9.2/");
            processes = ScheduledProcesses.open(new ScheduledProcesses.Wiring(schema, store, system, clock, reads,
                    new SecurityGuard(schema, security, store), ProcessLimits.from(System::getProperty, System::getenv)));
            // Status updates: the panel snapshot wraps the product's write rules; Duplicate/Clear write back through the Web API.
            StatusUpdates statusUpdates = new StatusUpdates(new StatusUpdates.Wiring(schema, clock, reads, reads, () -> new Subscription(store).active()));
            StoreOperations operations = new StoreOperations(new StoreOperations.Parts(schema, model, security, store, clock, versions,
                    statusUpdates.around(product.rules(), store), parser, resourcing, indexed, processes, statusUpdates,
                    new SettingsActions(schema, store, clock, credentials.tenantId(), new SecurityGuard(schema, security, store), new Subscription(store))));
            OperationsFactory.Bound root = operations.over(store);
            reads.bind(root.dispatcher());
            processes.start();
            Impersonator impersonator = new Impersonator(security, identities, store);
            Dispatcher dispatcher = root.dispatcher()
                    .withBatches(new BatchOperations(new BatchOperations.Wiring(schema, store, operations, parser, impersonator)));
            PlatformConfig pc = config.platform();
            DataverseApi.Realism realism = new DataverseApi.Realism(ServiceProtection.realTime(pc.protection()),
                    new WebServers(pc.protection().webServers()),
                    new CostModel(pc.costProfile().map(CostProfile::read).orElseGet(CostProfile::standard)));
            DataverseApi api = new DataverseApi(authenticator, impersonator, parser, dispatcher, config.maxBodyBytes(), realism);
            LabMetrics metrics = new LabMetrics(pc.metrics());
            for (var table : schema.tables()) {
                String name = table.logicalName();
                metrics.tableGauge("lab.store.rows", "Rows in the store", name, store, st -> st.count(name));
                metrics.tableGauge("lab.store.bytes", "Bytes the rows take in the store", name, store, st -> st.bytesUsed(name));
            }
            metrics.functionCounter("lab.security.rebuilds", "Security model rebuilds: full (any security table) or shares only",
                    "full", security, SecurityState::fullRebuilds);
            metrics.functionCounter("lab.security.rebuilds", "Security model rebuilds: full (any security table) or shares only",
                    "shares", security, SecurityState::shareRebuilds);
            log.accept(String.format("data directory %s opened in %d ms", config.dataDir(), (System.nanoTime() - started) / 1_000_000));
            Lab lab = new Lab(product, new LabGroupRoutes(authenticator, product.groupAdmin(), () -> StorageMeter.measure(store, schema)), resourcing, processes);
            return new Services(port, clock, store, issuer, new OpenIdDocuments(keys, settings), api, lab,
                    new Platform(realism, metrics, pc.latency(), schema, authenticator));
        } catch (IOException | RuntimeException e) {
            if (processes != null) processes.close();
            if (resourcing != null) resourcing.close();
            if (product != null) product.close();
            store.close();
            if (e instanceof IOException io) throw new UncheckedIOException(io);
            throw (RuntimeException) e;
        }
    }

    /**
     * The operations over one store: the emulator's (with the product's own rules), or the write buffer of a change
     * set or bulk message, with the product's rules rebuilt over the buffer so that cascades, owner replication and
     * Assigned-To shares read and write the buffer. Keep the buffer's rules in step with {@code Product.open}.
     */
    private static final class StoreOperations implements OperationsFactory {
        record Parts(Schema schema, ServiceModel model, SecurityState security, Store store, LabClock clock, VersionSequence versions,
                     WriteRules storeRules, UriParser parser, Resourcing resourcing, IndexSource indexes, ScheduledProcesses processes,
                     StatusUpdates statusUpdates, SettingsActions settings) {}

        private final Parts p;

        StoreOperations(Parts parts) { this.p = parts; }

        @Override
        public Bound over(Store over) {
            Schema schema = p.schema();
            SystemColumns system = new SystemColumns(over, p.clock(), p.versions());
            SecurityGuard guard = new SecurityGuard(schema, p.security(), over);
            RowWriter writer = new RowWriter(new PrimaryNames(schema, over));
            // The indexes follow the emulator's store; a change set's buffer is not in them, so its queries scan.
            IndexSource indexes = over == p.store() ? p.indexes() : IndexSource.NONE;
            WriteRules rules = over == p.store() ? p.storeRules() : p.statusUpdates().around(new ProductRules(new ProductRules.Parts(schema, over, system,
                    new Children(over, IndexSource.NONE), new OwnerReadCheck(p.security()), new AssignedToShares(schema, over, system, p.security()))), over);
            RowOperations rows = new RowOperations(over, new RowReader(schema), writer, system, guard, rules);
            StoreKeyResolver keys = new StoreKeyResolver(over);
            Dispatcher dispatcher = new Dispatcher(schema, p.model().documents(), rows, keys,
                    new QueryEngine(new QueryEngine.Wiring(schema, over, indexes, guard, writer, p.parser(), p.clock())),
                    new FunctionOperations(over),
                    p.statusUpdates().register(p.processes().register(p.resourcing().register(new ActionRouter(new ActionRouter.Wiring(schema, over, system, rows, keys,
                            new ActionSecurityGuard(schema, p.security()), indexes)), over, reads -> new SecurityGuard(schema, p.security(), reads), rules)),
                            p.store(), new Subscription(p.store()))
                            .with(ProductOperations.TRACK_EVENT, p.settings()::track)
                            .with(ProductOperations.LIST_TELEMETRY, p.settings()::list)
                            .with(ProductOperations.FEEDBACK_DUE, p.settings()::feedbackDue)
                            .with(ProductOperations.RECORD_FEEDBACK_PROMPT, p.settings()::recordPrompt))
                    .withBulk(new BulkOperations(schema, over, this, p.parser()));
            return new Bound(dispatcher, rows, keys);
        }
    }

    private static void seedIfEmpty(ServerConfig config, Schema schema, Store store, Consumer<String> log) {
        Optional<String> profile = config.dataset();
        if (profile.isEmpty() || !DatasetLoader.isEmpty(store)) return;
        long t0 = System.nanoTime();
        var organisation = DatasetLoader.build(profile.get(), schema);
        DatasetLoader.load(organisation, io.ppmlab.datasets.DemoOrganisation.TENANT_ID, store, config.dataDir());
        log.accept(String.format("loaded dataset '%s': %d rows in %d ms", profile.get(), organisation.rows().size(), (System.nanoTime() - t0) / 1_000_000));
    }

    private static int freePort(String bind) {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(bind))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() { return port; }

    public LabClock clock() { return clock; }

    public Store store() { return store; }

    TokenIssuer tokenIssuer() { return tokenIssuer; }

    OpenIdDocuments openIdDocuments() { return openIdDocuments; }

    DataverseApi api() { return api; }

    public Product product() { return lab.product(); }

    LabGroupRoutes labGroups() { return lab.groups(); }

    IdentityRoutes identity() { return new IdentityRoutes(tokenIssuer, openIdDocuments, lab.product().signIns()); }

    public Resourcing resourcing() { return lab.resourcing(); }

    public ScheduledProcesses processes() { return lab.processes(); }

    Platform platform() { return platform; }

    public LabMetrics metrics() { return platform.metrics(); }

    Schema schema() { return platform.schema(); }

    public Authenticator authenticator() { return platform.authenticator(); }

    @Override
    public void close() {
        lab.processes().close();
        lab.resourcing().close();
        lab.product().close();
        store.close();
    }
}
