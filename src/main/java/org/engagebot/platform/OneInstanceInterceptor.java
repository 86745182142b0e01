package org.engagebot.platform;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.inject.Singleton;

/** Runs a {@link OneInstance} method only where lease "job:Class.method" is held. */
@Singleton
@InterceptorBean(OneInstance.class)
class OneInstanceInterceptor implements MethodInterceptor<Object, Object> {
    private final Leases leases;

    OneInstanceInterceptor(Leases leases) {
        this.leases = leases;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        String lease = "job:" + context.getDeclaringType().getSimpleName() + "." + context.getMethodName();
        return leases.holds(lease) ? context.proceed() : null;
    }
}
