package org.engagebot.platform;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

/**
 * sqlite-jdbc refuses Connection.setReadOnly once connected, which Micronaut Data calls for read-only
 * transactions (micronaut-data#3560). Map it to PRAGMA query_only, which SQLite allows at any time.
 */
@Singleton
public class SqliteReadOnlyAdapter implements BeanCreatedEventListener<DataSource> {

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource target = event.getBean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c && method.getName().equals("getConnection") ? wrap(c) : result;
                });
    }

    private static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setReadOnly")) {
                        try (Statement s = connection.createStatement()) {
                            s.execute("PRAGMA query_only = " + (Boolean.TRUE.equals(args[0]) ? "1" : "0"));
                        }
                        return null;
                    }
                    if (method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(connection)) {
                        return connection;
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
